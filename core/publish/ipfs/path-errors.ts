import { AppError } from '../../common/index.ts';

/**
 * File-system failures on a path the user named (an output folder, a CAR file) are about that
 * path, not about Dihya's store: translated here so the dispatcher does not report them as
 * STORE_* errors.
 */
export function pathError(error: unknown, path: string): unknown {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOSPC':
      return new AppError('DISK_FULL', `The disk is full while writing ${path}; free some space and try again.`, { path }, { cause: error });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppError('FORBIDDEN', `${path} cannot be written (permission denied or read-only); choose another path.`, { path, reason: code }, { cause: error });
    case 'ENOENT':
    case 'ENOTDIR':
      return new AppError('NOT_FOUND', `${path} cannot be used: a folder on the way does not exist or is a file.`, { path, reason: code }, { cause: error });
    case 'EISDIR':
    case 'EEXIST':
      return new AppError('CONFLICT', `${path} is in the way (${code}); choose another path.`, { path, reason: code }, { cause: error });
    default:
      return error;
  }
}
