import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../common/index.ts';
import { isProcessAlive } from '../scheduler/process-alive.ts';
import { DATABASE_FILE } from '../db/index.ts';
import { DATA_FOLDERS, WORK_DIR, fsyncDir, fsyncFile, stampOf, sweepTempFiles, tempName } from './backup-files.ts';
import { DATABASE_MEMBER } from './manifest.ts';

/**
 * An in-place restore is all-or-nothing across the database and the data folders. The restored
 * state is first staged (extracted, verified) inside the work folder; writing this journal is the
 * commit point. Before it, a crash leaves the old state and the staging is swept; after it, the
 * next start (or the restore itself) rolls forward until the new state is complete. Every step is
 * idempotent: it looks at what is already in place before moving anything.
 */
export interface RestoreJournal {
  v: 1;
  id: string;
  /** The staging folder's name inside the work folder: `new/` holds the restored state, `old/` receives the replaced one. */
  staging: string;
  /** Data folders present in the backup; the others are removed by the restore. */
  folders: string[];
  backup: string;
  at: string;
  /** What restore participants captured from the database being replaced (e.g. GDPR erasure tombstones). */
  carry: Record<string, unknown>;
}

const JOURNAL_FILE = 'restore-journal.json';
/** Written into the staged database: the live database carries it once the copy has committed. */
export const RESTORE_MARKER_KEY = 'backup.restoredFrom';

export function journalPath(dataDir: string): string {
  return join(dataDir, WORK_DIR, JOURNAL_FILE);
}

export function stagingPaths(dataDir: string, staging: string): { root: string; fresh: string; old: string } {
  const root = join(dataDir, WORK_DIR, staging);
  return { root, fresh: join(root, 'new'), old: join(root, 'old') };
}

export function writeRestoreMarker(stagedDb: string, journal: RestoreJournal): void {
  const db = new BetterSqlite3(stagedDb);
  try {
    db.prepare('insert or replace into settings (key, value_json, updated_at) values (?, ?, ?)').run(RESTORE_MARKER_KEY, JSON.stringify({ journal: journal.id, backup: journal.backup }), journal.at);
  } finally {
    db.close();
  }
}

export async function commitJournal(dataDir: string, journal: RestoreJournal): Promise<void> {
  const workDir = join(dataDir, WORK_DIR);
  const temp = join(workDir, tempName(journal.id, 'journal'));
  await writeFile(temp, JSON.stringify(journal), { flag: 'wx' });
  await fsyncFile(temp);
  await rename(temp, journalPath(dataDir));
  fsyncDir(workDir);
}

function liveCarriesMarker(live: string, journal: RestoreJournal): boolean {
  if (!existsSync(live)) return false;
  try {
    const db = new BetterSqlite3(live, { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare('select value_json from settings where key = ?').pluck().get(RESTORE_MARKER_KEY) as string | undefined;
      return row !== undefined && (JSON.parse(row) as { journal?: string }).journal === journal.id;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

/**
 * Replaces the live database's content with the staged one through SQLite's backup API: one write
 * transaction on the live file, so every connection (this process's, a CLI's) sees the old or the
 * new database and never a mix, and no connection has to be closed. A live file too damaged to
 * open is moved aside, kept, and replaced by the staged file.
 */
async function replaceDatabase(dataDir: string, journal: RestoreJournal, staged: string): Promise<void> {
  const live = join(dataDir, DATABASE_FILE);
  if (!existsSync(staged) || liveCarriesMarker(live, journal)) return;
  const source = new BetterSqlite3(staged, { readonly: true, fileMustExist: true });
  try {
    // One step for every page: the copy holds the live database's write lock for a single transaction.
    await source.backup(live, { progress: () => 0x7fffffff });
    return;
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    if (code !== 'SQLITE_NOTADB' && !code.startsWith('SQLITE_CORRUPT')) throw error;
  } finally {
    source.close();
  }
  const kept = join(dataDir, `damaged-database-${stampOf(new Date())}`);
  await mkdir(kept, { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(live + suffix)) await rename(live + suffix, join(kept, DATABASE_FILE + suffix));
  }
  await rename(staged, live);
}

async function swapFolder(dataDir: string, folder: string, inBackup: boolean, fresh: string, old: string): Promise<void> {
  const current = join(dataDir, folder);
  const incoming = join(fresh, folder);
  const moveAside = async () => {
    if (!existsSync(current)) return;
    let target = join(old, folder);
    for (let n = 2; existsSync(target); n += 1) target = join(old, `${folder}.${n}`);
    await rename(current, target);
  };
  if (existsSync(incoming)) {
    await moveAside();
    await rename(incoming, current);
  } else if (!inBackup) {
    await moveAside();
  }
}

/** Rolls a committed restore forward to the end. Safe to call again after a crash at any point. */
export async function applyJournal(dataDir: string, journal: RestoreJournal): Promise<void> {
  const paths = stagingPaths(dataDir, journal.staging);
  await mkdir(paths.old, { recursive: true });
  for (const folder of DATA_FOLDERS) await swapFolder(dataDir, folder, journal.folders.includes(folder), paths.fresh, paths.old);
  await replaceDatabase(dataDir, journal, join(paths.fresh, DATABASE_MEMBER));
  fsyncDir(dataDir);
  await rm(journalPath(dataDir), { force: true });
  fsyncDir(join(dataDir, WORK_DIR));
  // The replaced state is in the safety backup; the staging holds nothing else worth keeping.
  await rm(paths.root, { recursive: true, force: true });
}

async function readJournal(dataDir: string): Promise<RestoreJournal | undefined> {
  let text: string;
  try {
    text = await readFile(journalPath(dataDir), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const journal = JSON.parse(text) as RestoreJournal;
    if (journal.v === 1 && typeof journal.staging === 'string' && /^\.dihya-tmp-\d+-[0-9a-f]+\.restore$/.test(journal.staging)) return journal;
  } catch {
    // Written to a temp name and renamed, a journal is whole or absent; anything else is not ours.
  }
  throw new AppError('STORE_CORRUPT', `The restore journal ${journalPath(dataDir)} is unreadable; move it aside to start Dihya with the data as it is.`, { file: journalPath(dataDir) });
}

/**
 * Called before the store opens: finishes a restore a crash interrupted after its commit point,
 * then sweeps what dead processes left in the work folder (snapshots, staging, decrypted copies).
 */
export async function recoverInterruptedRestore(dataDir: string): Promise<{ completed: boolean; swept: string[]; carry: Record<string, unknown> }> {
  const journal = await readJournal(dataDir);
  // A live restoring process finishes its own restore; only an orphaned journal is rolled forward here.
  const owner = Number(/^\.dihya-tmp-(\d+)-/.exec(journal?.staging ?? '')?.[1] ?? 0);
  if (journal !== undefined && owner !== process.pid && isProcessAlive(owner)) return { completed: false, swept: [], carry: {} };
  if (journal !== undefined) await applyJournal(dataDir, journal);
  const swept = await sweepTempFiles(join(dataDir, WORK_DIR));
  return { completed: journal !== undefined, swept, carry: journal?.carry ?? {} };
}
