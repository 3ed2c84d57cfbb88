import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../common/index.ts';

/** What is on disk at a relative path of an output folder; symlinks are never followed. */
export type DiskEntry = { kind: 'missing' } | { kind: 'file'; bytes: Uint8Array } | { kind: 'other' };

/**
 * Refuses to read or write through a symlinked folder: a generated path must land inside the
 * output folder, never wherever a link points.
 */
export async function assertNoLinkedParents(root: string, path: string, checked?: Set<string>): Promise<void> {
  const parts = path.split('/');
  let current = root;
  for (const part of parts.slice(0, -1)) {
    current = join(current, part);
    if (checked?.has(current)) continue;
    const stat = await lstat(current).catch(() => undefined);
    if (stat === undefined) return;
    if (stat.isSymbolicLink()) throw new AppError('CONFLICT', `${current} is a symbolic link; Dihya does not write through links. Remove it or choose another output folder.`, { path: current });
    if (!stat.isDirectory()) throw new AppError('CONFLICT', `${current} is a file where the generated project needs a folder.`, { path: current });
    checked?.add(current);
  }
}

/** `checked` remembers folders already found to be real folders, so a whole tree costs one lstat per folder. */
export async function readDiskEntry(root: string, path: string, checked?: Set<string>): Promise<DiskEntry> {
  await assertNoLinkedParents(root, path, checked);
  const full = join(root, path);
  const stat = await lstat(full).catch(() => undefined);
  if (stat === undefined) return { kind: 'missing' };
  if (!stat.isFile()) return { kind: 'other' };
  return { kind: 'file', bytes: await readFile(full) };
}
