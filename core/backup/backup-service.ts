import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { BackupSummary } from '../api/index.ts';
import { appendAuditEntry } from '../audit/index.ts';
import { AppError, isAppError, newId, toDisposable, type Clock, type Disposable, type SecretStore } from '../common/index.ts';
import type { Database, Store } from '../db/index.ts';
import { migrationProvider } from '../db/migrations/index.ts';
import type { EventBus } from '../host/event-bus.ts';
import type { Scheduler } from '../scheduler/index.ts';
import type { SinkFactory } from './archive-output.ts';
import { listArchives, resolveArchive, type ArchiveEntry } from './backup-catalog.ts';
import { DEFAULT_DESTINATION, WORK_DIR, fsyncDir, sweepTempFiles, type BackupKind } from './backup-files.ts';
import { BACKUP_PASSPHRASE_SECRET, readBackupSettings, writeBackupSettings, type StoredBackupSettings } from './backup-settings.ts';
import { createBackup } from './create-backup.ts';
import type { Manifest } from './manifest.ts';
import { restoreToNewDir } from './restore-backup.ts';
import { restoreInPlace } from './restore-in-place.ts';
import { planRetention, type RetentionPolicy } from './retention.ts';
import { inspectArchive, verifyArchive } from './verify-backup.ts';

export interface BackupServiceDeps {
  store: Store;
  dataDir: string;
  clock: Clock;
  bus: EventBus;
  secrets: SecretStore;
  scheduler: Scheduler;
  dihyaVersion: string;
  /** Tests lower scrypt's cost; archives record it, so they stay readable. */
  scryptCost?: number | undefined;
  /** Tests only: a fault-injecting layer under the archive writer. */
  sink?: SinkFactory | undefined;
}

/**
 * A service whose state depends on what the database holds takes part in an in-place restore:
 * `capture` reads what must survive it from the database being replaced (kept in the restore
 * journal, so a crash loses nothing); `restored` runs once the restored database is in place.
 */
export interface RestoreParticipant {
  readonly name: string;
  capture?(): unknown;
  restored(captured: unknown): Promise<void> | void;
}

interface Where {
  destination?: string | undefined;
  passphrase?: string | undefined;
}

/** Backups of this data directory: create, list, verify, prune, restore; settings and secrets. */
export class BackupService {
  readonly defaultDestination: string;
  private readonly deps: BackupServiceDeps;
  private readonly participants: RestoreParticipant[] = [];

  constructor(deps: BackupServiceDeps) {
    this.deps = deps;
    this.defaultDestination = join(deps.dataDir, DEFAULT_DESTINATION);
  }

  private get db(): Kysely<Database> {
    return this.deps.store.db;
  }

  /** Pass the command's transaction when inside one: the store has a single connection. */
  async settings(db: Kysely<Database> = this.db): Promise<StoredBackupSettings & { resolvedDestination: string; passphraseAvailable: boolean }> {
    const stored = await readBackupSettings(db);
    return { ...stored, resolvedDestination: stored.destination === null ? this.defaultDestination : resolve(stored.destination), passphraseAvailable: (await this.deps.secrets.get(BACKUP_PASSPHRASE_SECRET)) !== undefined };
  }

  async saveSettings(db: Kysely<Database>, patch: { destination?: string | null | undefined; encrypt?: boolean | undefined; passphrase?: string | null | undefined; retention?: RetentionPolicy | undefined }): Promise<void> {
    const current = await readBackupSettings(db);
    const next: StoredBackupSettings = {
      destination: patch.destination === undefined ? current.destination : patch.destination === null ? null : resolve(patch.destination),
      encrypt: patch.encrypt ?? current.encrypt,
      retention: patch.retention ?? current.retention,
    };
    if (patch.passphrase === null) await this.deps.secrets.delete(BACKUP_PASSPHRASE_SECRET);
    else if (patch.passphrase !== undefined) await this.deps.secrets.set(BACKUP_PASSPHRASE_SECRET, patch.passphrase);
    if (next.encrypt && (await this.deps.secrets.get(BACKUP_PASSPHRASE_SECRET)) === undefined) {
      throw new AppError('PASSPHRASE_REQUIRED', 'Encrypted backups need a passphrase: give one with the setting, or set DIHYA_BACKUP_PASSPHRASE.', { field: 'passphrase' });
    }
    await writeBackupSettings(db, next, this.deps.clock.now());
  }

  async destination(override?: string): Promise<string> {
    return override === undefined ? (await this.settings()).resolvedDestination : resolve(override);
  }

  private async storedPassphrase(explicit: string | undefined): Promise<string | undefined> {
    return explicit ?? (await this.deps.secrets.get(BACKUP_PASSPHRASE_SECRET));
  }

  /** Sweeps what crashed backups left in every destination in use (the work folder is swept before the store opens). */
  async sweep(): Promise<string[]> {
    const dirs = new Set([this.defaultDestination, (await this.settings()).resolvedDestination]);
    for (const row of await this.db.selectFrom('jobs').select('options_json').where('kind', '=', 'backup').execute()) {
      try {
        const dest = (JSON.parse(row.options_json) as { destination?: unknown }).destination;
        if (typeof dest === 'string') dirs.add(resolve(dest));
      } catch {
        // A job with unreadable options fails on its own when it runs.
      }
    }
    const removed: string[] = [];
    for (const dir of dirs) removed.push(...(await sweepTempFiles(dir)));
    return removed;
  }

  private progress(label: string): (done: number, total: number) => void {
    const taskId = newId();
    return (done, total) => this.deps.bus.emit({ type: 'progress', taskId, label, done, total });
  }

  async create(options: Where & { kind: BackupKind; encrypt?: boolean | undefined; signal?: AbortSignal | undefined }): Promise<{ backup: BackupSummary; manifest: Manifest }> {
    const settings = await this.settings();
    const destination = options.destination === undefined ? settings.resolvedDestination : resolve(options.destination);
    const encrypt = options.encrypt ?? settings.encrypt;
    const passphrase = encrypt ? await this.storedPassphrase(options.passphrase) : undefined;
    if (encrypt && passphrase === undefined) {
      throw new AppError('PASSPHRASE_REQUIRED', 'Encrypted backups are on but no passphrase is available: set one in the backup settings, or DIHYA_BACKUP_PASSPHRASE.', {});
    }
    const created = await createBackup({
      dataDir: this.deps.dataDir,
      dbFile: this.deps.store.file,
      destination,
      kind: options.kind,
      clock: this.deps.clock,
      dihyaVersion: this.deps.dihyaVersion,
      schemaVersion: this.deps.store.schemaVersion,
      passphrase,
      scryptCost: this.deps.scryptCost,
      signal: options.signal,
      onProgress: this.progress('Backing up'),
      sink: this.deps.sink,
    });
    const entry = (await listArchives(destination)).find((e) => e.file === created.file);
    if (entry === undefined) throw new AppError('INTERNAL', `The backup ${created.file} vanished right after it was written.`, { file: created.file });
    const [backup] = await this.summarize([entry]);
    this.deps.bus.emit({ type: 'backup.created', backup: backup as BackupSummary });
    return { backup: backup as BackupSummary, manifest: created.manifest };
  }

  async list(destination?: string): Promise<{ destination: string; items: BackupSummary[] }> {
    const dir = await this.destination(destination);
    return { destination: dir, items: await this.summarize(await listArchives(dir)) };
  }

  async inspect(ref: string, where: Where = {}): Promise<{ file: string; encrypted: boolean; manifest: Manifest }> {
    const { file } = await resolveArchive(ref, await this.destination(where.destination));
    const { manifest, encrypted } = await inspectArchive(file, { workDir: join(this.deps.dataDir, WORK_DIR), passphrase: await this.storedPassphrase(where.passphrase) });
    return { file, encrypted, manifest };
  }

  /** Verifies one backup completely and records the outcome (a damaged one shows as failed in the list). */
  async verify(ref: string, where: Where = {}): Promise<{ file: string; manifest: Manifest; checkedAt: string }> {
    const { file, entry } = await resolveArchive(ref, await this.destination(where.destination));
    try {
      const manifest = await verifyArchive(file, { workDir: join(this.deps.dataDir, WORK_DIR), passphrase: await this.storedPassphrase(where.passphrase) });
      const checkedAt = await this.recordCheck(entry, null);
      this.deps.bus.emit({ type: 'backup.verified', file, ok: true, errorCode: null });
      return { file, manifest, checkedAt };
    } catch (error) {
      if (isAppError(error) && error.code === 'BACKUP_CORRUPT') {
        await this.recordCheck(entry, error);
        this.deps.bus.emit({ type: 'backup.verified', file, ok: false, errorCode: error.code });
      }
      throw error;
    }
  }

  async prune(options: { destination?: string | undefined; retention?: RetentionPolicy | undefined; dryRun: boolean }): Promise<{ kept: BackupSummary[]; deleted: BackupSummary[] }> {
    const settings = await this.settings();
    const dir = options.destination === undefined ? settings.resolvedDestination : resolve(options.destination);
    const items = await this.summarize(await listArchives(dir));
    // Days, weeks and months as the user lives them: in this machine's time zone.
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    const plan = planRetention(items.map((b) => ({ id: b.fileName, createdAt: new Date(b.createdAt), verified: b.verification.status === 'verified' })), options.retention ?? settings.retention, zone);
    const remove = new Set(plan.remove);
    const deleted = items.filter((b) => remove.has(b.fileName));
    if (!options.dryRun && deleted.length > 0) {
      for (const backup of deleted) await rm(backup.file, { force: true });
      fsyncDir(dir);
      this.deps.bus.emit({ type: 'backup.deleted', files: deleted.map((b) => b.file) });
    }
    return { kept: items.filter((b) => !remove.has(b.fileName)), deleted };
  }

  /**
   * Deletes backups older than `days` (the Privacy settings' rule), except the newest verified one,
   * which stays whatever its age so there is always something to restore.
   */
  async expire(days: number, now: Date): Promise<BackupSummary[]> {
    const dir = await this.destination();
    const items = await this.summarize(await listArchives(dir));
    const newestVerified = items.find((b) => b.verification.status === 'verified');
    const cutoff = now.getTime() - days * 86_400_000;
    const expired = items.filter((b) => b !== newestVerified && Date.parse(b.createdAt) < cutoff);
    for (const backup of expired) await rm(backup.file, { force: true });
    if (expired.length > 0) {
      fsyncDir(dir);
      this.deps.bus.emit({ type: 'backup.deleted', files: expired.map((b) => b.file) });
    }
    return expired;
  }

  /** Restores into a new data directory, or — without `dataDir` — this one, after a safety backup. */
  async restore(options: Where & { file: string; dataDir?: string | undefined }): Promise<{ file: string; target: 'in-place' | 'new-dir'; dataDir: string; safetyBackup: BackupSummary | null; manifest: Manifest }> {
    const { file } = await resolveArchive(options.file, await this.destination(options.destination));
    const passphrase = await this.storedPassphrase(options.passphrase);
    if (options.dataDir !== undefined && resolve(options.dataDir) !== this.deps.dataDir) {
      const manifest = await restoreToNewDir(file, options.dataDir, { passphrase });
      return { file, target: 'new-dir', dataDir: resolve(options.dataDir), safetyBackup: null, manifest };
    }
    return this.deps.scheduler.exclusive('a restore is running', async () => {
      const { manifest, safety, carry } = await restoreInPlace({
        dataDir: this.deps.dataDir,
        file,
        passphrase,
        clock: this.deps.clock,
        safetyBackup: async () => (await this.create({ kind: 'safety' })).backup,
        carry: () => Object.fromEntries(this.participants.filter((p) => p.capture !== undefined).map((p) => [p.name, p.capture?.()])),
      });
      // The live connection now reads the restored database: bring its schema up to date, then let
      // services that cache what the database holds (the scheduler's timers) reload it.
      const migrated = await new Migrator({ db: this.db, provider: migrationProvider }).migrateToLatest();
      if (migrated.error !== undefined) throw migrated.error;
      await this.afterRestore(carry);
      this.deps.bus.emit({ type: 'backup.restored', file, target: 'in-place', dataDir: this.deps.dataDir });
      return { file, target: 'in-place' as const, dataDir: this.deps.dataDir, safetyBackup: safety, manifest };
    });
  }

  /**
   * After the start-up recovery finished a restore a crash had cut short: record it in the audit
   * log, then let the services catch up (the audit anchor moves to the restored chain).
   */
  async completeRecoveredRestore(carry: Record<string, unknown>): Promise<void> {
    const at = this.deps.clock.now().toISOString();
    await this.db.transaction().execute((trx) => appendAuditEntry(trx, { action: 'backup.restore', details: { completedAtStart: true }, actor: 'system', at }));
    await this.afterRestore(carry);
  }

  /** Participants run in registration order; register the audit re-anchoring after anything that appends entries. */
  registerRestoreParticipant(participant: RestoreParticipant): Disposable {
    this.participants.push(participant);
    return toDisposable(() => {
      this.participants.splice(this.participants.indexOf(participant), 1);
    });
  }

  private async afterRestore(carry: Record<string, unknown>): Promise<void> {
    for (const participant of this.participants) await participant.restored(carry[participant.name]);
  }

  private async recordCheck(entry: ArchiveEntry | undefined, error: AppError | null): Promise<string> {
    const checkedAt = this.deps.clock.now().toISOString();
    if (entry === undefined) return checkedAt;
    await this.db
      .insertInto('backup_checks')
      .values({ backup_id: entry.shortId, file_name: entry.fileName, checked_at: checkedAt, ok: error === null ? 1 : 0, error_code: error?.code ?? null, message: error?.message ?? null })
      .execute();
    return checkedAt;
  }

  private async summarize(entries: readonly ArchiveEntry[]): Promise<BackupSummary[]> {
    const latest = new Map<string, { checked_at: string; ok: number; error_code: string | null; message: string | null }>();
    for (let i = 0; i < entries.length; i += 500) {
      const names = entries.slice(i, i + 500).map((e) => e.fileName);
      const rows = await this.db.selectFrom('backup_checks').selectAll().where('file_name', 'in', names).orderBy('seq', 'desc').execute();
      for (const row of rows) if (!latest.has(row.file_name)) latest.set(row.file_name, row);
    }
    return entries.map((e) => {
      const check = latest.get(e.fileName);
      // Listed means renamed into place, which happens only after the checks at creation (confirmArchive says which).
      const verification = check === undefined
        ? { status: 'verified' as const, checkedAt: e.createdAt.toISOString(), atCreation: true, errorCode: null, message: null }
        : { status: check.ok === 1 ? ('verified' as const) : ('failed' as const), checkedAt: check.checked_at, atCreation: false, errorCode: check.error_code, message: check.message };
      return { id: e.shortId, file: e.file, fileName: e.fileName, createdAt: e.createdAt.toISOString(), kind: e.kind, sizeBytes: e.sizeBytes, encrypted: e.encrypted, verification };
    });
  }
}
