import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { SPEC_TEXT_MAX_CHARS, type GenerationPreview, type GenerationVerifyReport } from '../../api/index.ts';
import { AppError } from '../../common/index.ts';
import type { Core } from '../../host/index.ts';
import type { CliContext } from '../cli-context.ts';
import { formatTable, printJson, type CliIo } from '../output.ts';
import { createProgressPrinter } from '../progress-bar.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function readSpec(file: string): { text: string; fileName: string; format: 'auto' } {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new AppError('NOT_FOUND', `No spec file at ${file}.`, { file });
  }
  if (size > SPEC_TEXT_MAX_CHARS) throw new AppError('PAYLOAD_TOO_LARGE', `${file} is larger than ${SPEC_TEXT_MAX_CHARS} bytes; a spec is at most that.`, { file });
  return { text: readFileSync(file, 'utf8'), fileName: basename(file), format: 'auto' as const };
}

function parseOptions(pairs: readonly string[]): Record<string, string> {
  const options: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 1) throw new AppError('VALIDATION_FAILED', `--set takes key=value (got "${pair}").`, { option: pair });
    options[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return options;
}

/** The project a CLI generation is recorded under: named, or the one named like the model (created if needed). */
async function projectFor(core: Core, wanted: string | undefined, modelName: string): Promise<string> {
  if (wanted !== undefined && UUID.test(wanted)) return (await core.dispatch('projects.get', { id: wanted })).id;
  const name = wanted ?? modelName;
  const key = name.trim().toLocaleLowerCase('und');
  const { items } = await core.dispatch('projects.list', { search: name.trim(), limit: 10_000 });
  const match = items.find((p) => p.name.toLocaleLowerCase('und') === key);
  if (match !== undefined) return match.id;
  if (wanted !== undefined) throw new AppError('NOT_FOUND', `No project is named "${wanted}".`, { name: wanted });
  return (await core.dispatch('projects.create', { name })).id;
}

const SIGN = { create: '+', change: '~', delete: '-', unchanged: ' ' } as const;

function printPreview(io: CliIo, preview: GenerationPreview, diffs: boolean): void {
  for (const file of preview.files) {
    if (file.change === 'unchanged') continue;
    io.out(`${SIGN[file.change]} ${file.path}${file.conflict === null ? '' : `   ! ${file.conflict === 'user-modified' ? 'changed by hand since the last generation' : 'not written by Dihya'}`}`);
  }
  if (diffs) for (const file of preview.files) if (file.diff !== undefined && file.change !== 'create') io.out(file.diff.trimEnd());
  const c = preview.counts;
  io.out(`Dry run — nothing written to ${preview.outputDir}: ${c.create} to create, ${c.change} to change, ${c.delete} to delete, ${c.unchanged} unchanged${c.conflicts > 0 ? `, ${c.conflicts} conflicting with your edits (use --force to overwrite)` : ''}.`);
}

function printVerify(io: CliIo, report: GenerationVerifyReport): void {
  for (const path of report.changed) io.out(`changed  ${path}`);
  for (const path of report.missing) io.out(`missing  ${path}`);
  if (report.added.length > 0) io.out(`(${report.added.length} file(s) not listed in the lock, e.g. ${report.added.slice(0, 3).join(', ')}: not checked)`);
  io.out(report.ok ? `OK: ${report.checked} files match dihya.lock.json (root hash ${report.rootHash}).` : `${report.changed.length + report.missing.length} of ${report.checked} files differ from dihya.lock.json.`);
}

export function registerGenerateCommands(program: Command, ctx: CliContext): void {
  program
    .command('generate <spec>')
    .description('Generate a project from a spec: a cahier des charges in prose (French or English), or YAML/JSON')
    .requiredOption('-o, --output <dir>', 'folder to write the project into')
    .option('--stack <id>', 'stack template to render', 'web-fullstack')
    .option('--project <name|id>', 'record the run under this project (default: the project named like the spec, created if needed)')
    .option('--set <key=value...>', 'stack option, e.g. --set port=8080', [])
    .option('--dry-run', 'show what would be created, changed or deleted, with diffs, and write nothing')
    .option('--no-diff', 'with --dry-run: list files only')
    .option('--force', 'overwrite files changed by hand since the last generation')
    .action(async (specFile: string, options: { output: string; stack: string; project?: string; set: string[]; dryRun?: boolean; diff: boolean; force?: boolean }) => {
      const spec = readSpec(specFile);
      const outputDir = resolve(options.output);
      const json = ctx.globals().json === true;
      const base = { spec, stack: options.stack, options: parseOptions(options.set), outputDir };
      await ctx.withCore(async (core) => {
        if (options.dryRun) {
          const preview = await core.dispatch('generation.preview', { ...base, diffs: options.diff });
          if (json) return printJson(ctx.io, preview);
          for (const w of preview.warnings) ctx.io.err(`warning: ${w.message}`);
          return printPreview(ctx.io, preview, options.diff);
        }
        const { model } = await core.services.generation.resolveModel({ spec });
        const projectId = await projectFor(core, options.project, model.name);
        const bar = createProgressPrinter(process.stderr, !json);
        const subscription = core.events.subscribe((event) => {
          if (event.type === 'progress') bar.update(event.label, event.done, event.total);
        });
        try {
          const result = await core.dispatch('generation.run', { ...base, projectId, force: options.force === true });
          bar.end();
          if (json) return printJson(ctx.io, result);
          for (const w of result.warnings) ctx.io.err(`warning: ${w.message}`);
          const c = result.counts;
          ctx.io.out(`Generated ${result.fileCount} files (${result.byteCount} bytes) into ${result.outputDir} in ${result.durationMs} ms: ${c.create} created, ${c.change} changed, ${c.delete} deleted, ${c.unchanged} unchanged.`);
          ctx.io.out(`Root hash ${result.rootHash} — check it later with: dihya verify ${result.outputDir}`);
        } finally {
          bar.end();
          await subscription.dispose();
        }
      });
    });

  // One `verify` for both provenance checks: a folder on disk (DIR) or a published CID (--cid, core/publish).
  program
    .command('verify [dir]')
    .description('Check a generated folder (DIR) or a published CID (--cid) against its dihya.lock.json; exits with the integrity code when files differ')
    .option('--cid <cid>', 'check a published output fetched by CID instead of a folder')
    .option('--peer <multiaddr>', 'with --cid: fetch from this peer when the content is not here (repeatable)', (v: string, all: string[]) => [...all, v], [])
    .option('--timeout <seconds>', 'with --cid: give up after this long', (v) => Number.parseInt(v, 10), 60)
    .action(async (dir: string | undefined, options: { cid?: string; peer: string[]; timeout: number }) => {
      if ((dir === undefined) === (options.cid === undefined)) throw new AppError('VALIDATION_FAILED', 'Give a folder to verify, or --cid <cid> for a published output (one of the two).', {});
      if (options.cid !== undefined) {
        const cid = options.cid;
        const result = await ctx.withCore((core) => core.dispatch('publish.verify', { cid, peers: options.peer, timeoutMs: options.timeout * 1000 }));
        if (ctx.globals().json) printJson(ctx.io, result);
        else if (result.ok) ctx.io.out(`OK: ${result.fileCount} files match dihya.lock.json (root hash ${result.rootHash}).`);
        else {
          ctx.io.out(`MISMATCH: ${result.problems.length} problem(s) in ${result.cid}:`);
          for (const problem of result.problems.slice(0, 50)) ctx.io.out(`  ${problem.problem.padEnd(14)} ${problem.path}`);
          if (result.problems.length > 50) ctx.io.out(`  … and ${result.problems.length - 50} more (use --json for all)`);
        }
        if (!result.ok) throw new AppError('INTEGRITY_FAILED', `${result.cid} does not match its dihya.lock.json (${result.problems.length} problem(s)).`, { problems: result.problems.length });
        return;
      }
      const report = await ctx.withCore((core) => core.dispatch('generation.verify', { dir: resolve(dir as string) }));
      if (ctx.globals().json) printJson(ctx.io, report);
      else printVerify(ctx.io, report);
      if (!report.ok) throw new AppError('INTEGRITY_FAILED', `${report.changed.length} changed and ${report.missing.length} missing file(s) in ${report.dir} since generation.`, { changed: report.changed.length, missing: report.missing.length });
    });

  const generations = program.command('generations').description('Past generation runs');
  generations
    .command('list')
    .alias('ls')
    .description('Generation runs, newest first')
    .option('-n, --limit <count>', 'at most this many', (v) => Number.parseInt(v, 10), 20)
    .action(async (options: { limit: number }) => {
      const result = await ctx.withCore((core) => core.dispatch('generation.list', { limit: options.limit }));
      if (ctx.globals().json) return printJson(ctx.io, result);
      if (result.items.length === 0) return ctx.io.out('No generation yet. Try: dihya generate spec.yaml -o ./my-app');
      ctx.io.out(formatTable(['STARTED', 'STATUS', 'STACK', 'FILES', 'MS', 'ID'], result.items.map((g) => [g.startedAt.slice(0, 19).replace('T', ' '), g.status, g.stack ?? '', String(g.fileCount ?? ''), String(g.durationMs ?? ''), g.id])));
    });
}
