import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, newId, type Clock } from '../common/index.ts';
import { confirmArchive } from './archive-confirm.ts';
import type { SinkFactory } from './archive-output.ts';
import { writeArchive } from './archive-writer.ts';
import { WORK_DIR, archiveName, fsyncDir, tempName, translateBackupError, type BackupKind } from './backup-files.ts';
import { newEnvelope } from './encryption.ts';
import { MANIFEST_FORMAT_VERSION, type Manifest } from './manifest.ts';
import { SqliteWorker } from './sqlite-worker.ts';

export interface CreateBackupOptions {
  dataDir: string;
  dbFile: string;
  destination: string;
  kind: BackupKind;
  clock: Clock;
  dihyaVersion: string;
  schemaVersion: number;
  passphrase?: string | undefined;
  scryptCost?: number | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Tests only: where the archive bytes go (a fault-injecting layer). */
  sink?: SinkFactory | undefined;
}

export interface CreatedBackup {
  file: string;
  fileName: string;
  manifest: Manifest;
  sizeBytes: number;
  encrypted: boolean;
}

/**
 * One backup, never half of one: snapshot the database with `VACUUM INTO` (a consistent copy while
 * the app keeps writing), write the archive under a temp name, fsync it, verify it, then rename it
 * into place and fsync the folder. Until the rename nothing is listed; after a crash the temp
 * files are swept at the next start.
 *
 * The integrity check runs on the snapshot in the worker thread while the main thread hashes that
 * same file (or, encrypted, archives it): the database member's sha256 is taken from the bytes read
 * from it, so the check holds for what a restore extracts (and re-checks). What "verified" means
 * at this point, and why it does not re-hash the page cache, is said in confirmArchive.
 */
export async function createBackup(options: CreateBackupOptions): Promise<CreatedBackup> {
  const id = newId();
  const createdAt = options.clock.now();
  const workDir = join(options.dataDir, WORK_DIR);
  const snapshot = join(workDir, tempName(id, 'snapshot.sqlite'));
  const partial = join(options.destination, tempName(id, 'partial'));
  const fileName = archiveName(createdAt, options.kind, id);
  const final = join(options.destination, fileName);
  const worker = new SqliteWorker();
  let stage = 'the data directory';
  try {
    await mkdir(workDir, { recursive: true });
    stage = options.destination;
    await mkdir(options.destination, { recursive: true });
    // scrypt (about a second) runs while SQLite copies.
    const envelopePromise = options.passphrase === undefined ? undefined : newEnvelope(options.passphrase, { id, createdAt: createdAt.toISOString(), kind: options.kind }, options.scryptCost);
    envelopePromise?.catch(() => undefined);

    stage = `the data directory (${workDir})`;
    const facts = await worker.snapshot(options.dbFile, snapshot);
    const integrity = worker.integrity(snapshot).then((checked) => {
      if (!checked.ok) {
        throw new AppError('STORE_CORRUPT', `The database fails its integrity check (${checked.problems.slice(0, 3).join('; ')}), so no backup was kept. Restore an earlier backup.`, { problems: checked.problems });
      }
    });
    integrity.catch(() => undefined);
    options.signal?.throwIfAborted();

    stage = options.destination;
    const envelope = await envelopePromise;
    const written = await writeArchive({
      target: partial,
      snapshotFile: snapshot,
      dataDir: options.dataDir,
      manifest: {
        format: 'dihya-backup',
        formatVersion: MANIFEST_FORMAT_VERSION,
        id,
        createdAt: createdAt.toISOString(),
        kind: options.kind,
        dihyaVersion: options.dihyaVersion,
        schemaVersion: options.schemaVersion,
        migrations: facts.migrations,
        audit: facts.audit,
        projects: facts.projects,
      },
      envelope,
      snapshotChecked: integrity,
      signal: options.signal,
      onProgress: options.onProgress,
      sink: options.sink,
    });

    await integrity;
    options.signal?.throwIfAborted();

    await confirmArchive(partial, written, envelope);

    await rename(partial, final);
    fsyncDir(options.destination);
    const { size } = await stat(final);
    return { file: final, fileName, manifest: written.manifest, sizeBytes: size, encrypted: envelope !== undefined };
  } catch (error) {
    await rm(partial, { force: true }).catch(() => undefined);
    if (options.signal?.aborted) throw new AppError('CONFLICT', 'The backup was stopped before it finished; nothing was kept.', {}, { cause: error });
    throw translateBackupError(error, stage);
  } finally {
    await rm(snapshot, { force: true }).catch(() => undefined);
    await worker.dispose();
  }
}
