import type { AppError } from '../../core/api/index.ts';

export interface FieldErrors<F extends string> {
  fields: Partial<Record<F, string>>;
  /** What belongs to no field of the form: shown above it. */
  general: AppError | undefined;
}

function issuesOf(error: AppError): { path: string; message: string }[] {
  const issues = error.details?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((issue: unknown) => {
    if (typeof issue !== 'object' || issue === null) return [];
    const { path, message } = issue as Record<string, unknown>;
    return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : [];
  });
}

/**
 * Places a server error next to the fields it is about: VALIDATION_FAILED carries
 * `details.issues[].path`; CONFLICT carries the clashing value under the field's own name
 * (`{ name: 'Atelier' }`). Branches on codes and details only, never on message text.
 */
export function fieldErrors<F extends string>(error: AppError | undefined, fieldNames: readonly F[]): FieldErrors<F> {
  const fields: Partial<Record<F, string>> = {};
  if (error === undefined) return { fields, general: undefined };
  const isField = (name: string): name is F => (fieldNames as readonly string[]).includes(name);
  if (error.code === 'VALIDATION_FAILED') {
    for (const issue of issuesOf(error)) {
      if (isField(issue.path) && fields[issue.path] === undefined) fields[issue.path] = issue.message;
    }
  } else if (error.code === 'CONFLICT') {
    const field = Object.keys(error.details ?? {}).find(isField);
    if (field !== undefined) fields[field] = error.message;
  }
  return { fields, general: Object.keys(fields).length > 0 ? undefined : error };
}
