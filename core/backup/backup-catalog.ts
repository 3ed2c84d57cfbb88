import { readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { AppError } from '../common/index.ts';
import { isEncryptedArchive } from './archive-reader.ts';
import { parseArchiveName, type BackupKind } from './backup-files.ts';

export interface ArchiveEntry {
  file: string;
  fileName: string;
  shortId: string;
  createdAt: Date;
  kind: BackupKind;
  sizeBytes: number;
  encrypted: boolean;
}

/**
 * The backups in a folder, newest first. Only complete archives carry the final name (they are
 * renamed into place after verification), so a backup cut short is never listed.
 */
export async function listArchives(destination: string): Promise<ArchiveEntry[]> {
  let names: string[];
  try {
    names = await readdir(destination);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const out: ArchiveEntry[] = [];
  for (const fileName of names) {
    const parsed = parseArchiveName(fileName);
    if (parsed === undefined) continue;
    const file = join(destination, fileName);
    try {
      const stats = await stat(file);
      if (!stats.isFile()) continue;
      out.push({ file, fileName, shortId: parsed.shortId, createdAt: parsed.createdAt, kind: parsed.kind, sizeBytes: stats.size, encrypted: await isEncryptedArchive(file) });
    } catch {
      // Deleted while listing (a prune in another process): not there any more.
    }
  }
  return out.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.fileName < b.fileName ? 1 : -1));
}

/**
 * Finds a backup by path, by file name in the destination, or by its 8-character id. A path may
 * name any file (a backup copied from elsewhere, renamed); names and ids look in the destination.
 */
export async function resolveArchive(ref: string, destination: string): Promise<{ file: string; entry: ArchiveEntry | undefined }> {
  const entries = await listArchives(destination);
  const byName = entries.find((e) => e.fileName === ref || e.shortId === ref.toLowerCase());
  if (byName !== undefined) return { file: byName.file, entry: byName };
  const asPath = resolve(ref);
  const stats = await stat(asPath).catch(() => undefined);
  if (stats?.isFile()) return { file: asPath, entry: entries.find((e) => e.file === asPath) ?? undefined };
  throw new AppError('NOT_FOUND', `No backup "${basename(ref)}" in ${destination}, and no such file.`, { ref, destination });
}
