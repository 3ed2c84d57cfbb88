import type { ProjectModel } from '../../api/project-model.ts';

/**
 * Scores a ProjectModel against an `expected.json`, with the matching rules of the shared corpus
 * (shared/specs/README.md): names compared after lower-casing, removing accents, splitting
 * `_`/`-`/camelCase into words and dropping a trailing plural s/x from each word.
 */

export interface Expected {
  domain: string;
  languages: string[];
  entities: { names: string[]; fields: string[][] }[];
  relations: [string, string][];
  roles?: string[][];
  features?: string[];
  stacks?: string[];
  exact?: boolean;
}

export interface Score {
  entities: { expected: number; matched: number; extra: string[]; missing: string[] };
  fields: { expected: number; matched: number; missing: string[] };
  relations: { expected: number; matched: number; missing: string[] };
  /** Model entities that match an expected entity, over all model entities. */
  precision: { total: number; matched: number };
  domain: { expected: string; actual: string; ok: boolean };
  languages: { expected: string[]; actual: string[]; ok: boolean };
  roles: { expected: number; matched: number };
  features: { expected: number; matched: number; missing: string[] };
  stacks: { ok: boolean; expected?: string[]; actual: string[] };
  exact?: { ok: boolean; difference?: string };
}

export function normaliseName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0)
    .map((w) => (w.length > 1 ? w.replace(/[sx]$/, '') : w))
    .join(' ');
}

function matches(candidates: readonly string[], name: string): boolean {
  const target = normaliseName(name);
  return candidates.some((c) => normaliseName(c) === target);
}

export function scoreModel(model: ProjectModel, expected: Expected, fileContent?: unknown): Score {
  const pairs = new Map<number, number>();
  const used = new Set<number>();
  expected.entities.forEach((e, i) => {
    const j = model.entities.findIndex((m, k) => !used.has(k) && matches(e.names, m.name));
    if (j >= 0) {
      pairs.set(i, j);
      used.add(j);
    }
  });
  const missingEntities = expected.entities.filter((_, i) => !pairs.has(i)).map((e) => e.names[0]!);
  const extra = model.entities.filter((_, k) => !used.has(k)).map((m) => m.name);

  let expectedFields = 0;
  let matchedFields = 0;
  const missingFields: string[] = [];
  expected.entities.forEach((e, i) => {
    const j = pairs.get(i);
    const fields = j === undefined ? [] : model.entities[j]!.fields;
    for (const alternatives of e.fields) {
      expectedFields += 1;
      if (fields.some((f) => matches(alternatives, f.name))) matchedFields += 1;
      else missingFields.push(`${e.names[0]}.${alternatives[0]}`);
    }
  });

  const entityFor = (name: string): string | undefined => {
    const i = expected.entities.findIndex((e) => matches(e.names, name));
    const j = i >= 0 ? pairs.get(i) : model.entities.findIndex((m) => normaliseName(m.name) === normaliseName(name));
    return j === undefined || j < 0 ? undefined : model.entities[j]!.name;
  };
  const linked = (a: string, b: string): boolean => {
    const ea = model.entities.find((e) => e.name === a);
    const eb = model.entities.find((e) => e.name === b);
    const points = (from: typeof ea, to: string) => from !== undefined && (from.relations.some((r) => r.target === to) || from.fields.some((f) => f.type === 'reference' && f.target === to));
    return points(ea, b) || points(eb, a);
  };
  const missingRelations: string[] = [];
  let matchedRelations = 0;
  for (const [a, b] of expected.relations) {
    const ma = entityFor(a);
    const mb = entityFor(b);
    if (ma !== undefined && mb !== undefined && linked(ma, mb)) matchedRelations += 1;
    else missingRelations.push(`${a}–${b}`);
  }

  const roles = expected.roles ?? [];
  const matchedRoles = roles.filter((alternatives) => model.roles.some((r) => matches(alternatives, r))).length;
  const features = expected.features ?? [];
  const missingFeatures = features.filter((f) => !(model.features as string[]).includes(f));
  const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
  const domainOk = normaliseName(expected.domain).replace(/ /g, '') === normaliseName(model.domain).replace(/ /g, '');

  const score: Score = {
    entities: { expected: expected.entities.length, matched: pairs.size, extra, missing: missingEntities },
    fields: { expected: expectedFields, matched: matchedFields, missing: missingFields },
    relations: { expected: expected.relations.length, matched: matchedRelations, missing: missingRelations },
    precision: { total: model.entities.length, matched: used.size },
    domain: { expected: expected.domain, actual: model.domain, ok: domainOk },
    languages: { expected: expected.languages, actual: model.languages, ok: sameSet(expected.languages, model.languages) },
    roles: { expected: roles.length, matched: matchedRoles },
    features: { expected: features.length, matched: features.length - missingFeatures.length, missing: missingFeatures },
    stacks: expected.stacks === undefined ? { ok: true, actual: model.stacks } : { ok: sameSet(expected.stacks, model.stacks), expected: expected.stacks, actual: model.stacks },
  };
  if (expected.exact) {
    const difference = fileContent === undefined ? 'no file content to compare' : differenceFromFile(fileContent, model);
    score.exact = difference === undefined ? { ok: true } : { ok: false, difference };
  }
  return score;
}

/**
 * "The model must equal the file": every key the file writes has the same value in the model.
 * The model may add only what is derived, not guessed: `modelVersion`, `slug`, and empty lists.
 */
export function differenceFromFile(file: unknown, model: unknown, path = ''): string | undefined {
  if (Array.isArray(file)) {
    if (!Array.isArray(model) || model.length !== file.length) return `${path}: ${JSON.stringify(model)?.slice(0, 80)} ≠ ${JSON.stringify(file).slice(0, 80)}`;
    for (let i = 0; i < file.length; i += 1) {
      const d = differenceFromFile(file[i], model[i], `${path}[${i}]`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (file !== null && typeof file === 'object') {
    if (model === null || typeof model !== 'object' || Array.isArray(model)) return `${path}: not an object in the model`;
    const f = file as Record<string, unknown>;
    const m = model as Record<string, unknown>;
    for (const key of Object.keys(f)) {
      const d = differenceFromFile(f[key], m[key], path === '' ? key : `${path}.${key}`);
      if (d !== undefined) return d;
    }
    for (const key of Object.keys(m)) {
      if (key in f) continue;
      const derived = (path === '' && (key === 'modelVersion' || key === 'slug')) || (Array.isArray(m[key]) && (m[key] as unknown[]).length === 0);
      if (!derived) return `${path === '' ? key : `${path}.${key}`}: added by the parser (${JSON.stringify(m[key]).slice(0, 60)})`;
    }
    return undefined;
  }
  return Object.is(file, model) ? undefined : `${path}: ${JSON.stringify(model)} ≠ ${JSON.stringify(file)}`;
}
