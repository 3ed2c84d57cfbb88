import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { newId, type Clock } from '../common/index.ts';
import { WORK_DIR, tempName } from './backup-files.ts';
import { DATABASE_MEMBER, type Manifest } from './manifest.ts';
import { stageRestore } from './restore-backup.ts';
import { applyJournal, commitJournal, stagingPaths, writeRestoreMarker, type RestoreJournal } from './restore-journal.ts';

export interface RestoreInPlaceOptions<S> {
  dataDir: string;
  file: string;
  passphrase?: string | undefined;
  clock: Clock;
  /** Taken after the backup has been checked and before anything is replaced; its failure stops the restore. */
  safetyBackup: () => Promise<S>;
  /** Read from the database being replaced, kept in the journal, handed to participants afterwards. */
  carry: () => Record<string, unknown>;
}

/**
 * Replaces this data directory's state (database and data folders) with a backup's:
 *   1. stage: extract into the work folder and verify completely (the old state untouched);
 *   2. take the safety backup of the current state;
 *   3. commit: write the journal — from here the restore completes even across a crash;
 *   4. apply: swap the folders by rename, copy the database in one SQLite transaction.
 * The open store keeps working throughout: the caller migrates it and reloads its caches after.
 */
export async function restoreInPlace<S>(options: RestoreInPlaceOptions<S>): Promise<{ manifest: Manifest; safety: S; carry: Record<string, unknown> }> {
  const id = newId();
  const staging = tempName(id, 'restore');
  const paths = stagingPaths(options.dataDir, staging);
  let journal: RestoreJournal;
  let manifest: Manifest;
  let safety: S;
  try {
    manifest = await stageRestore(options.file, { into: paths.fresh, workDir: join(options.dataDir, WORK_DIR), passphrase: options.passphrase });
    safety = await options.safetyBackup();
    journal = { v: 1, id, staging, folders: manifest.folders, backup: basename(options.file), at: options.clock.now().toISOString(), carry: options.carry() };
    writeRestoreMarker(join(paths.fresh, DATABASE_MEMBER), journal);
    await commitJournal(options.dataDir, journal);
  } catch (error) {
    await rm(paths.root, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
  await applyJournal(options.dataDir, journal);
  return { manifest, safety, carry: journal.carry };
}
