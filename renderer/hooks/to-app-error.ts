import { AppError, isAppError } from '../../core/api/index.ts';

/** Clients reject with AppError; anything else is a bug on our side, shown the same way. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  return new AppError('INTERNAL', error instanceof Error ? error.message : String(error));
}
