import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { AppError } from '../common/index.ts';
import { knownMigrationNames } from '../db/migrations/index.ts';
import { checkArchive, openArchive, type OpenedArchive } from './archive-reader.ts';
import { fsyncDir, sweepTempFiles, tempName, translateBackupError } from './backup-files.ts';
import { DATABASE_MEMBER, type Manifest } from './manifest.ts';
import { SqliteWorker } from './sqlite-worker.ts';

/**
 * Extracts a backup into `into` and proves it whole: checksums while extracting, every file
 * fsynced, `integrity_check` on the extracted database, and a schema this Dihya knows. `into`
 * then holds a complete data directory (database and data folders) ready to be moved into place.
 */
export async function stageRestore(file: string, options: { into: string; workDir: string; passphrase?: string | undefined }): Promise<Manifest> {
  const worker = new SqliteWorker();
  let opened: OpenedArchive | undefined;
  try {
    await mkdir(options.into, { recursive: true });
    opened = await openArchive(file, { workDir: options.workDir, passphrase: options.passphrase });
    const manifest = await checkArchive(opened.zipPath, file, { extractTo: options.into });
    const unknown = manifest.migrations.filter((name) => !knownMigrationNames.includes(name));
    if (unknown.length > 0) {
      throw new AppError('BACKUP_UNSUPPORTED', `The backup ${file} holds a database from a newer Dihya (migrations ${unknown.join(', ')}); restore it with that version or newer.`, { file, unknown });
    }
    const integrity = await worker.integrity(join(options.into, DATABASE_MEMBER));
    if (!integrity.ok) throw new AppError('BACKUP_CORRUPT', `The database inside ${file} fails its integrity check; it cannot be restored.`, { file, problems: integrity.problems });
    for (const folder of manifest.folders) await mkdir(join(options.into, folder), { recursive: true });
    for (const dir of [...manifest.directories].reverse()) fsyncDir(join(options.into, dir));
    fsyncDir(options.into);
    return manifest;
  } catch (error) {
    throw translateBackupError(error, options.into);
  } finally {
    await opened?.cleanup().catch(() => undefined);
    await worker.dispose();
  }
}

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  const stats = await stat(dir).catch(() => undefined);
  if (stats === undefined) return true;
  return stats.isDirectory() && (await readdir(dir)).length === 0;
}

/**
 * Restores into a new data directory: staged in a hidden sibling folder, then renamed into place
 * in one step, so the target is either absent (or empty) or complete — never partly restored.
 */
export async function restoreToNewDir(file: string, target: string, options: { passphrase?: string | undefined }): Promise<Manifest> {
  const dataDir = resolve(target);
  if (!(await isEmptyOrMissing(dataDir))) {
    throw new AppError('CONFLICT', `${dataDir} already holds files; restore into a new or empty folder.`, { dataDir });
  }
  const parent = dirname(dataDir);
  await mkdir(parent, { recursive: true });
  await sweepTempFiles(parent);
  const staging = join(parent, tempName(randomBytes(6).toString('hex'), 'restore'));
  try {
    const manifest = await stageRestore(file, { into: staging, workDir: parent, passphrase: options.passphrase });
    if (!(await isEmptyOrMissing(dataDir))) throw new AppError('CONFLICT', `${dataDir} was filled while restoring; nothing was changed.`, { dataDir });
    await rmdir(dataDir).catch(() => undefined);
    await rename(staging, dataDir);
    fsyncDir(parent);
    return manifest;
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw translateBackupError(error, dataDir);
  }
}
