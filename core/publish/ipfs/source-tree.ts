import type { Dirent } from 'node:fs';
import { lstat, readdir, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../common/index.ts';

export interface SourceFile {
  /** Relative to the published root, `/`-separated. */
  path: string;
  absolute: string;
  size: number;
}

export interface SourceTree {
  kind: 'file' | 'directory';
  root: string;
  files: SourceFile[];
  /** Folders with nothing in them: kept, as `ipfs add -r` keeps them. */
  emptyDirs: string[];
  sizeBytes: number;
}

function notFound(path: string): AppError {
  return new AppError('NOT_FOUND', `There is nothing to publish at ${path}.`, { path });
}

/**
 * Lists what publishing `path` would include. Hidden files are included (a generated project's
 * `.gitignore` is part of it). Symbolic links and special files are refused rather than followed:
 * what is published is public, and a link could pull in something from outside the output.
 */
export async function readSourceTree(path: string): Promise<SourceTree> {
  let root: string;
  try {
    root = await realpath(path);
  } catch {
    throw notFound(path);
  }
  const stats = await lstat(root);
  if (stats.isFile()) return { kind: 'file', root, files: [{ path: '', absolute: root, size: stats.size }], emptyDirs: [], sizeBytes: stats.size };
  if (!stats.isDirectory()) throw new AppError('VALIDATION_FAILED', `${path} is neither a file nor a folder.`, { path });

  const files: SourceFile[] = [];
  const emptyDirs: string[] = [];
  let sizeBytes = 0;
  const pending: string[] = [''];
  while (pending.length > 0) {
    const relative = pending.pop() as string;
    const absolute = relative === '' ? root : join(root, relative);
    let entries: Dirent[];
    try {
      entries = await readdir(absolute, { withFileTypes: true });
    } catch (error) {
      throw new AppError('VALIDATION_FAILED', `The folder ${absolute} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, { path: absolute });
    }
    if (entries.length === 0 && relative !== '') emptyDirs.push(relative);
    const found: { path: string; absolute: string }[] = [];
    for (const entry of entries) {
      const childRelative = relative === '' ? entry.name : `${relative}/${entry.name}`;
      const childAbsolute = join(absolute, entry.name);
      if (entry.isDirectory()) pending.push(childRelative);
      else if (entry.isFile()) {
        found.push({ path: childRelative, absolute: childAbsolute });
      } else if (entry.isSymbolicLink()) {
        throw new AppError('VALIDATION_FAILED', `${childAbsolute} is a symbolic link; publishing copies real files only. Replace the link with the file it points to.`, { path: childRelative });
      } else {
        throw new AppError('VALIDATION_FAILED', `${childAbsolute} is not a regular file (a socket, device or pipe) and cannot be published.`, { path: childRelative });
      }
    }
    // Sizes of a folder's files are asked for together: one round trip per folder, not per file.
    const sized = await Promise.all(found.map(async (file) => ({ ...file, size: (await lstat(file.absolute)).size })));
    for (const file of sized) {
      files.push(file);
      sizeBytes += file.size;
    }
  }
  return { kind: 'directory', root, files, emptyDirs, sizeBytes };
}
