import { LineCounter, parseDocument, type Document } from 'yaml';
import { projectModel, type ProjectModel } from '../../api/project-model.ts';
import type { Explanation, SpecIssue, SpecWarning } from '../../api/spec.ts';
import { slugify } from '../../common/slug.ts';
import { isKnownDomain } from '../catalogue/index.ts';
import { reservedIn } from '../sanitise.ts';
import { jsonErrorOffset } from './json-error-offset.ts';
import { Locator, pathString } from './locate.ts';
import { findExcessiveNesting, MAX_DEPTH } from './nesting.ts';

/**
 * A structured spec (YAML or JSON) is the ProjectModel written by hand: it is validated and taken
 * as it is — nothing guessed, nothing added but the model version and the slug derived from the
 * name. Every problem names its path, line and column.
 */

/** Each alias may expand to at most this many nodes in total: the billion-laughs guard. */
const MAX_ALIAS_COUNT = 100;

export type StructuredOutcome =
  | { ok: true; model: ProjectModel; sources: Explanation[]; warnings: SpecWarning[] }
  | { ok: false; issues: SpecIssue[] };

function fail(message: string, place?: { line: number; column: number }, path = ''): StructuredOutcome {
  return { ok: false, issues: [{ path, message, ...(place ?? {}) }] };
}

function placeOfOffset(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function parseJson(text: string): { value: unknown } | { issue: StructuredOutcome } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // V8 says "… at position 42 (line 3 column 7)"; older versions only the position.
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    const position = /position (\d+)/.exec(message);
    const place = lineColumn !== null ? { line: Number(lineColumn[1]), column: Number(lineColumn[2]) } : placeOfOffset(text, position !== null ? Number(position[1]) : jsonErrorOffset(text));
    // V8 quotes the text around the error; the line and column say it better.
    const reason = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '').replace(/, (?:\.\.\.)?"[\s\S]*" is not valid JSON$/, '').replace(/[\r\n]+/g, ' ');
    return { issue: fail(`Not valid JSON: ${reason}`, place) };
  }
}

function parseYaml(text: string, counter: LineCounter): { value: unknown; doc: Document } | { issue: StructuredOutcome } {
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false, merge: false });
  const error = doc.errors[0];
  if (error !== undefined) {
    const pos = counter.linePos(error.pos[0]);
    return { issue: fail(`Not valid YAML: ${error.message.split('\n')[0]}`, { line: pos.line, column: pos.col }) };
  }
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown, doc };
  } catch (caught) {
    const message = caught instanceof Error ? caught.message : String(caught);
    const aliases = /alias/i.test(message);
    return { issue: fail(aliases ? `Refused: aliases expand to too many nodes (at most ${MAX_ALIAS_COUNT} per alias), the pattern of a "billion laughs" attack.` : `Not valid YAML: ${message}`) };
  }
}

export function readStructured(text: string, format: 'yaml' | 'json'): StructuredOutcome {
  const deep = findExcessiveNesting(text, format);
  if (deep !== undefined) return fail(`Nested deeper than ${MAX_DEPTH} levels; a spec never needs that.`, placeOfOffset(text, deep.offset));
  const counter = new LineCounter();
  let value: unknown;
  let doc: Document | undefined;
  if (format === 'json') {
    const parsed = parseJson(text);
    if ('issue' in parsed) return parsed.issue;
    value = parsed.value;
    // The JSON parser gives no positions: YAML (a superset of JSON) reads the same text for them.
    const located = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
    doc = located.errors.length === 0 ? located : undefined;
  } else {
    const parsed = parseYaml(text, counter);
    if ('issue' in parsed) return parsed.issue;
    value = parsed.value;
    doc = parsed.doc;
  }
  const locator = new Locator(doc, counter);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail('A structured spec is a mapping with at least name, domain, languages and entities.', locator.place([]));
  }
  const result = projectModel.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 50).map((issue): SpecIssue => {
      const path = pathString(issue.path);
      const key = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : undefined;
      const place = locator.placeOfIssue(issue);
      return { path: key === undefined ? path : `${path}${path === '' ? '' : '.'}${key}`, message: issue.message, ...(place ?? {}) };
    });
    return { ok: false, issues };
  }
  const model = result.data;
  if (model.slug === undefined) model.slug = slugify(model.name);
  return { ok: true, model, sources: explainStructured(model, locator, text), warnings: structuredWarnings(model, locator) };
}

/** Structured items are understood by definition; their explanations only carry the place. */
function explainStructured(model: ProjectModel, locator: Locator, text: string): Explanation[] {
  const sources: Explanation[] = [];
  const lines = text.split('\n');
  const lineText = (line: number) => (lines[line - 1] ?? '').trim().slice(0, 240);
  const add = (path: (string | number)[], item: string) => {
    const place = locator.place(path);
    const explanation: Explanation = { path: pathString(path), item, status: 'understood', confidence: 1, reason: 'written in the structured spec' };
    if (place !== undefined) explanation.source = { line: place.line, column: place.column, text: lineText(place.line) };
    sources.push(explanation);
  };
  add(['name'], `name ${model.name}`);
  add(['domain'], `domain ${model.domain}`);
  model.languages.forEach((code, i) => add(['languages', i], `language ${code}`));
  model.roles.forEach((role, i) => add(['roles', i], `role ${role}`));
  model.features.forEach((tag, i) => add(['features', i], `feature ${tag}`));
  model.stacks.forEach((kind, i) => add(['stacks', i], `stack ${kind}`));
  model.entities.forEach((entity, i) => {
    add(['entities', i], `entity ${entity.name}`);
    entity.fields.forEach((field, j) => add(['entities', i, 'fields', j], `field ${entity.name}.${field.name} (${field.type})`));
    entity.relations.forEach((relation, k) => add(['entities', i, 'relations', k], `relation ${entity.name} ${relation.kind} ${relation.target}`));
  });
  model.requirements.forEach((requirement, i) => add(['requirements', i], `requirement ${requirement.id}`));
  return sources;
}

function structuredWarnings(model: ProjectModel, locator: Locator): SpecWarning[] {
  const warnings: SpecWarning[] = [];
  const warnReserved = (name: string, path: (string | number)[]) => {
    const reserved = reservedIn(name);
    if (reserved.length === 0) return;
    warnings.push({ code: 'reserved-word', message: `"${name}" is a reserved word in ${reserved.join(' and ').toUpperCase()}; it is kept, and generated code will quote or suffix it.`, path: pathString(path), ...(locator.place(path) ?? {}), details: { name, reservedIn: reserved } });
  };
  if (!isKnownDomain(model.domain)) {
    warnings.push({ code: 'unknown-domain', message: `"${model.domain}" is not a métier Dihya knows yet; no domain pack will enrich the model.`, path: 'domain', ...(locator.place(['domain']) ?? {}) });
  }
  model.entities.forEach((entity, i) => {
    warnReserved(entity.name, ['entities', i, 'name']);
    entity.fields.forEach((field, j) => warnReserved(field.name, ['entities', i, 'fields', j, 'name']));
  });
  return warnings;
}
