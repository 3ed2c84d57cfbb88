import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DATA_FOLDERS } from './backup-files.ts';

export interface SourceFile {
  path: string;
  abs: string;
  size: number;
  mode: number;
  mtime: Date;
}

/**
 * Lists what the data folders hold, in a stable order. Symbolic links and special files are
 * skipped (a restore must never write outside the data directory). A folder's entries are
 * examined together: one lstat round trip at a time would dominate with thousands of files.
 */
export async function collectDataFiles(dataDir: string): Promise<{ folders: string[]; directories: string[]; files: SourceFile[]; skipped: number }> {
  const folders: string[] = [];
  const directories: string[] = [];
  const files: SourceFile[] = [];
  let skipped = 0;
  const walk = async (rel: string): Promise<void> => {
    directories.push(rel);
    const entries = await readdir(join(dataDir, rel), { withFileTypes: true });
    await Promise.all(
      entries.map(async (entry) => {
        const childRel = `${rel}/${entry.name}`;
        if (entry.isDirectory()) return walk(childRel);
        if (!entry.isFile()) {
          skipped += 1;
          return undefined;
        }
        const stats = await lstat(join(dataDir, childRel));
        files.push({ path: childRel, abs: join(dataDir, childRel), size: stats.size, mode: stats.mode & 0o777, mtime: stats.mtime });
        return undefined;
      }),
    );
  };
  for (const folder of DATA_FOLDERS) {
    const stats = await lstat(join(dataDir, folder)).catch(() => undefined);
    if (stats === undefined || !stats.isDirectory()) continue;
    folders.push(folder);
    await walk(folder);
  }
  const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  directories.sort(byPath);
  files.sort((a, b) => byPath(a.path, b.path));
  return { folders, directories, files, skipped };
}
