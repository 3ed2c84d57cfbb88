import { AppError, isAppError } from '../common/index.ts';

interface SqliteLikeError {
  code?: unknown;
  message?: unknown;
}

/**
 * Translates better-sqlite3 and file-system errors at the store's edge, so nothing above it
 * ever sees a driver error or matches on driver text.
 */
export function translateStoreError(error: unknown, where: string): AppError {
  if (isAppError(error)) return error;
  const code = typeof (error as SqliteLikeError)?.code === 'string' ? ((error as SqliteLikeError).code as string) : '';
  const detail = { where, cause: code || String((error as SqliteLikeError)?.message ?? error) };
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new AppError('STORE_READ_ONLY', `The data directory cannot be written (${where}). Check its permissions or choose another one with --data-dir.`, detail, { cause: error });
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new AppError('STORE_CORRUPT', `The database at ${where} is damaged or is not a Dihya database. It was left untouched; restore a backup or move it aside.`, detail, { cause: error });
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new AppError('CONFLICT', 'That change conflicts with data already stored.', detail, { cause: error });
  }
  if (code === 'ENOSPC' || code === 'EDQUOT' || code.startsWith('SQLITE_FULL')) {
    return new AppError('DISK_FULL', `The disk holding ${where} is full; free some space and try again.`, detail, { cause: error });
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'ENOENT' || code === 'ENOTDIR' || code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_IOERR')) {
    return new AppError('STORE_UNAVAILABLE', `The store at ${where} cannot be used right now (${code}).`, detail, { cause: error });
  }
  return new AppError('INTERNAL', 'An unexpected error happened in the store.', detail, { cause: error });
}
