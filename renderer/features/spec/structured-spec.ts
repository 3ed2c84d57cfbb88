import { stringify } from 'yaml';
import { projectModel, type ProjectModel } from '../../../core/api/index.ts';

export interface ModelProblem {
  path: string;
  message: string;
}

/** `entities[2].fields[0].type`, the notation spec.validate and the parser's sources use. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out === '' ? String(part) : `${out}.${String(part)}`), '');
}

/** Checks a model with the contract's own schema: what Dihya would refuse, said before saving. */
export function checkModel(model: ProjectModel): { ok: true; model: ProjectModel } | { ok: false; problems: ModelProblem[] } {
  const parsed = projectModel.safeParse(model);
  if (parsed.success) return { ok: true, model: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })) };
}

/**
 * The structured spec a person can read, keep and feed back to Dihya (spec.parse takes it as it
 * is). Empty lists and the schema version's default are left in: the file documents the shape.
 */
export function toStructuredYaml(model: ProjectModel): string {
  return stringify(model, { lineWidth: 0 });
}

/** A file name for the download: the model's slug, or its name made safe. */
export function specFileName(model: Pick<ProjectModel, 'name' | 'slug'>): string {
  const base =
    model.slug ??
    model.name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  return `${base || 'spec'}.dihya.yaml`;
}
