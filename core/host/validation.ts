import type { z } from 'zod';
import { AppError } from '../common/index.ts';

function pathOf(issue: z.core.$ZodIssue): string {
  return issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
}

/** Turns zod issues into one readable sentence plus machine-readable `details.issues`. */
export function validationError(command: string, error: z.ZodError): AppError {
  const issues = error.issues.map((issue) => ({ path: pathOf(issue) || '(input)', message: issue.message, code: issue.code }));
  const summary = issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ');
  return new AppError('VALIDATION_FAILED', `Invalid input for ${command} — ${summary}`, { command, issues });
}
