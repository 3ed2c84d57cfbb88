import type { SpecInput } from '../api/spec.ts';
import { projectModel, type ProjectModel } from '../api/project-model.ts';
import { AppError } from '../common/index.ts';
import { parseSpec } from '../spec/index.ts';

/**
 * A spec text → ProjectModel, through the spec parser (core/spec): structured YAML/JSON is taken as
 * written (errors name line, column and path), prose goes through the rule-based extractor.
 */
function issuesMessage(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Validates a model given as data (the contract's `model`, or a parser's output). */
export function validateModel(raw: unknown): ProjectModel {
  const parsed = projectModel.safeParse(raw);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', `The spec is not a valid project model — ${issuesMessage(parsed.error)}`, { issues: parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) });
  return parsed.data;
}

export async function modelFromSpec(input: SpecInput): Promise<ProjectModel> {
  const result = parseSpec({ text: input.text, format: input.format ?? 'auto', ...(input.fileName === undefined ? {} : { fileName: input.fileName }) });
  return validateModel(result.model);
}
