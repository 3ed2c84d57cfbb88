import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../common/index.ts';
import { checkArchive, openArchive, readManifest, type OpenedArchive } from './archive-reader.ts';
import { tempName, translateBackupError } from './backup-files.ts';
import type { Manifest } from './manifest.ts';
import { SqliteWorker } from './sqlite-worker.ts';

/**
 * Proves a backup can be restored: every byte against the archive's digest, every member against
 * the manifest, then the database restored to a temp file and put through `PRAGMA integrity_check`,
 * and its audit chain head compared with the one the manifest recorded.
 */
export async function verifyArchive(file: string, options: { workDir: string; passphrase?: string | undefined }): Promise<Manifest> {
  await mkdir(options.workDir, { recursive: true });
  const database = join(options.workDir, tempName(randomBytes(6).toString('hex'), 'verify.sqlite'));
  const worker = new SqliteWorker();
  let opened: OpenedArchive | undefined;
  try {
    opened = await openArchive(file, options);
    const manifest = await checkArchive(opened.zipPath, file, { databaseTo: database });
    const integrity = await worker.integrity(database);
    if (!integrity.ok) {
      throw new AppError('BACKUP_CORRUPT', `The database inside ${file} fails its integrity check (${integrity.problems.slice(0, 3).join('; ')}).`, { file, problems: integrity.problems });
    }
    const facts = await worker.facts(database);
    if (facts.audit.head !== manifest.audit.head || facts.audit.count !== manifest.audit.count) {
      throw new AppError('BACKUP_CORRUPT', `The audit trail inside ${file} does not match its manifest.`, { file });
    }
    return manifest;
  } catch (error) {
    throw translateBackupError(error, options.workDir);
  } finally {
    await opened?.cleanup().catch(() => undefined);
    await rm(database, { force: true }).catch(() => undefined);
    await worker.dispose();
  }
}

/** The manifest only (decrypting if needed): what `backup inspect` and a restore dialog show. */
export async function inspectArchive(file: string, options: { workDir: string; passphrase?: string | undefined }): Promise<{ manifest: Manifest; encrypted: boolean }> {
  let opened: OpenedArchive | undefined;
  try {
    opened = await openArchive(file, options);
    return { manifest: await readManifest(opened.zipPath, file), encrypted: opened.encrypted };
  } catch (error) {
    throw translateBackupError(error, file);
  } finally {
    await opened?.cleanup().catch(() => undefined);
  }
}
