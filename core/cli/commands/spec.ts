import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { SPEC_FORMATS, SPEC_TEXT_MAX_CHARS, type Explanation, type SpecFormat, type SpecParseResult } from '../../api/index.ts';
import { AppError } from '../../common/index.ts';
import { parseSpec, validateSpec } from '../../spec/index.ts';
import type { CliContext } from '../cli-context.ts';
import { printJson } from '../output.ts';

/**
 * `dihya spec parse FILE [--json]` and `dihya spec check FILE`: spec understanding without the
 * store (parsing is pure), so they work on any machine, even without a data directory.
 */

function readSpecFile(file: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new AppError('NOT_FOUND', `No spec file at ${file}.`, { file });
  }
  if (size > SPEC_TEXT_MAX_CHARS) throw new AppError('PAYLOAD_TOO_LARGE', `${file} has ${size} bytes; a spec has at most ${SPEC_TEXT_MAX_CHARS}.`, { file, size });
  return readFileSync(file).toString('utf8');
}

function formatOption(value: string): SpecFormat {
  if (!(SPEC_FORMATS as readonly string[]).includes(value)) throw new AppError('BAD_REQUEST', `--format is one of ${SPEC_FORMATS.join(', ')}.`, { format: value });
  return value as SpecFormat;
}

function at(explanation: Explanation | undefined): string {
  if (explanation === undefined) return '';
  if (explanation.status === 'suggested') return 'suggested';
  return explanation.source === undefined ? '' : `line ${explanation.source.line}`;
}

/** A readable account of the model: each item with the line it came from, suggestions marked. */
export function summarise(result: SpecParseResult): string {
  const { model } = result;
  const why = new Map(result.sources.map((s) => [s.path, s]));
  const out: string[] = [];
  out.push(`${model.name}  [${model.domain}${why.get('domain')?.status === 'suggested' ? ', suggested' : ''}]  languages: ${model.languages.join(', ')}${result.writtenIn ? `  (written in ${result.writtenIn})` : ''}`);
  if (model.description) out.push(model.description);
  out.push(`roles: ${model.roles.join(', ') || '—'}   features: ${model.features.join(', ') || '—'}   stacks: ${model.stacks.join(', ') || '—'}`);
  out.push('');
  model.entities.forEach((entity, i) => {
    out.push(`${entity.name}${entity.label ? ` (${entity.label})` : ''}`.padEnd(48) + at(why.get(`entities[${i}]`)));
    entity.fields.forEach((field, j) => {
      const type = field.type === 'enum' ? `enum(${field.values?.join('|')})` : field.type;
      const flags = [field.required ? 'required' : '', field.unique ? 'unique' : '', field.personalData ?? ''].filter((f) => f !== '').join(' ');
      out.push(`  ${field.name.padEnd(26)} ${type.slice(0, 40).padEnd(18)} ${flags}`.padEnd(72) + at(why.get(`entities[${i}].fields[${j}]`)));
    });
    entity.relations.forEach((relation, k) => out.push(`  → ${relation.kind} ${relation.target}`.padEnd(72) + at(why.get(`entities[${i}].relations[${k}]`))));
  });
  if (model.requirements.length > 0) {
    out.push('');
    for (const requirement of model.requirements.slice(0, 50)) out.push(`${requirement.id.padEnd(5)} ${requirement.text.slice(0, 110)}`);
    if (model.requirements.length > 50) out.push(`… and ${model.requirements.length - 50} more (--json for all)`);
  }
  const suggested = result.sources.filter((s) => s.status === 'suggested').length;
  if (suggested > 0) out.push('', `${suggested} item(s) are suggestions, not read in the text: review them.`);
  return out.join('\n');
}

export function registerSpecCommands(program: Command, ctx: CliContext): void {
  const spec = program.command('spec').description('Read a spec (prose, YAML or JSON) into a project model, or check a structured spec');

  spec
    .command('parse <file>')
    .description('Show what Dihya understands in a spec, each item with its source line (--json: the model)')
    .option('-f, --format <format>', 'auto, text, yaml or json', 'auto')
    .option('--explain', 'with --json: print { model, sources, warnings } instead of the model alone')
    .action((file: string, options: { format: string; explain?: boolean }) => {
      const result = parseSpec({ text: readSpecFile(file), format: formatOption(options.format), fileName: basename(file) });
      for (const warning of result.warnings) ctx.io.err(`warning: ${warning.line === undefined ? '' : `${file}:${warning.line}: `}${warning.message}`);
      if (ctx.globals().json) return printJson(ctx.io, options.explain ? result : result.model);
      ctx.io.out(summarise(result));
    });

  spec
    .command('check <file>')
    .description('Validate a structured spec (YAML/JSON): each problem with its path, line and column')
    .option('-f, --format <format>', 'auto, yaml or json', 'auto')
    .action((file: string, options: { format: string }) => {
      const result = validateSpec({ text: readSpecFile(file), format: formatOption(options.format), fileName: basename(file) });
      if (ctx.globals().json) printJson(ctx.io, result);
      else if (result.valid) ctx.io.out(`${file}: valid ${result.format.toUpperCase()} spec — ${result.model?.entities.length ?? 0} entities.`);
      for (const warning of result.warnings) ctx.io.err(`warning: ${file}${warning.line === undefined ? '' : `:${warning.line}:${warning.column ?? 1}`}: ${warning.message}`);
      if (result.valid) return;
      if (!ctx.globals().json) {
        for (const error of result.errors) ctx.io.err(`${file}${error.line === undefined ? '' : `:${error.line}:${error.column ?? 1}`}: ${error.path === '' ? '' : `${error.path}: `}${error.message}`);
      }
      throw new AppError('VALIDATION_FAILED', `${file} is not a valid structured spec (${result.errors.length} problem${result.errors.length === 1 ? '' : 's'}).`, { file, issues: result.errors });
    });
}
