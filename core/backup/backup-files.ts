import { closeSync, fsyncSync, openSync } from 'node:fs';
import { open, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, isAppError } from '../common/index.ts';
import { isProcessAlive } from '../scheduler/process-alive.ts';

/** The data directory's folders a backup carries beside the database (whichever exist). */
export const DATA_FOLDERS = ['outputs', 'templates', 'plugins'] as const;
/** Scratch space inside the data directory: snapshots, decrypted copies, restore staging. */
export const WORK_DIR = '.dihya-work';
export const DEFAULT_DESTINATION = 'backups';
export const ARCHIVE_EXTENSION = '.dihya-backup';

export type BackupKind = 'manual' | 'scheduled' | 'safety';

// dihya-20260301T030000123Z-scheduled-1a2b3c4d.dihya-backup
const ARCHIVE_NAME = /^dihya-(\d{8}T\d{9}Z)-(manual|scheduled|safety)-([0-9a-f]{8})\.dihya-backup$/;
// .dihya-tmp-<pid>-<token>.<what>: the pid says whether a live process still owns it.
const TEMP_NAME = /^\.dihya-tmp-(\d+)-[0-9a-f]+(\.[a-z0-9.-]+)?$/;

export function stampOf(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

export function dateFromStamp(stamp: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(stamp);
  if (m === null) return new Date(Number.NaN);
  return new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`);
}

export function archiveName(createdAt: Date, kind: BackupKind, id: string): string {
  return `dihya-${stampOf(createdAt)}-${kind}-${id.replace(/-/g, '').slice(0, 8)}${ARCHIVE_EXTENSION}`;
}

export function parseArchiveName(name: string): { createdAt: Date; kind: BackupKind; shortId: string } | undefined {
  const m = ARCHIVE_NAME.exec(name);
  if (m === null) return undefined;
  const createdAt = dateFromStamp(m[1] as string);
  if (Number.isNaN(createdAt.getTime())) return undefined;
  return { createdAt, kind: m[2] as BackupKind, shortId: m[3] as string };
}

export function tempName(token: string, what: string): string {
  return `.dihya-tmp-${process.pid}-${token.replace(/-/g, '')}.${what}`;
}

/**
 * Removes temp files and folders a dead process left in `dir` (a crash mid-backup or mid-restore).
 * Those of live processes — another Dihya backing up right now, or this one — are left alone.
 */
export async function sweepTempFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (m === null) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || isProcessAlive(pid)) continue;
    await rm(join(dir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

export async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a rename or unlink in `dir` durable. Windows cannot open folders for fsync; NTFS journals renames. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF') throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** File-system and SQLite errors met while backing up or restoring, as AppErrors that say what to do. */
export function translateBackupError(error: unknown, where: string): AppError {
  if (isAppError(error)) return error;
  const code = String((error as { code?: unknown })?.code ?? '');
  const detail = { where, cause: code || String((error as Error)?.message ?? error) };
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL' || code === 'EFBIG') {
    return new AppError('DISK_FULL', `There is not enough free space at ${where}. Free some space or choose another backup folder; nothing was changed.`, detail, { cause: error });
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code.startsWith('SQLITE_READONLY')) {
    return new AppError('STORE_READ_ONLY', `${where} cannot be written. Check its permissions, or choose another backup folder.`, detail, { cause: error });
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new AppError('NOT_FOUND', `${where} does not exist (is the disk connected?).`, detail, { cause: error });
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new AppError('STORE_CORRUPT', `The database could not be read for the backup (${code}); restore an earlier backup.`, detail, { cause: error });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    return new AppError('STORE_UNAVAILABLE', `Reading or writing ${where} failed (${code}); try again.`, detail, { cause: error });
  }
  return new AppError('INTERNAL', `The backup failed unexpectedly at ${where}: ${detail.cause}`, detail, { cause: error });
}
