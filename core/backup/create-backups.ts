import type { Kysely } from 'kysely';
import { appendAuditEntry } from '../audit/index.ts';
import type { Clock, SecretStore } from '../common/index.ts';
import type { Database, Store } from '../db/index.ts';
import type { EventBus } from '../host/event-bus.ts';
import { insertJob, listJobRows } from '../scheduler/jobs-repository.ts';
import { localTimeZone, readSetting, writeSetting, type JobKindRegistry, type Scheduler } from '../scheduler/index.ts';
import { z } from 'zod';
import { BackupService } from './backup-service.ts';
import { registerBackupJobKinds } from './backup-jobs.ts';

const DEFAULTS_KEY = 'backup.defaultJobs';

/**
 * The backup service, its job kinds registered with the scheduler, and — on the first start of
 * a long-running shell — the default schedule (a nightly backup, a weekly verification), so
 * backups happen on their own. Deleting those jobs is respected: they are created once.
 */
export function createBackups(deps: { store: Store; dataDir: string; clock: Clock; bus: EventBus; secrets: SecretStore; scheduler: Scheduler; jobKinds: JobKindRegistry; dihyaVersion: string }): BackupService {
  const backups = new BackupService(deps);
  registerBackupJobKinds(deps.jobKinds, backups);
  return backups;
}

export async function ensureDefaultJobs(db: Kysely<Database>, clock: Clock): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const done = await readSetting(trx, DEFAULTS_KEY, z.object({ created: z.boolean().default(false) }));
    if (done.created) return false;
    const now = clock.now();
    if ((await listJobRows(trx, 'backup')).length === 0) {
      const zone = localTimeZone();
      const daily = await insertJob(trx, { name: 'Nightly backup', kind: 'backup', cron: '0 3 * * *', timezone: zone, enabled: true, notify: 'failures', options: { prune: true } }, now);
      const weekly = await insertJob(trx, { name: 'Weekly backup check', kind: 'verify-backups', cron: '30 4 * * 0', timezone: zone, enabled: true, notify: 'failures', options: { count: 3 } }, now);
      for (const job of [daily, weekly]) await appendAuditEntry(trx, { action: 'job.create', subject: job.id, details: { kind: job.kind, cron: job.cron, timezone: zone, enabled: true, default: true }, actor: 'system', at: now.toISOString() });
    }
    await writeSetting(trx, DEFAULTS_KEY, { created: true }, now);
    return true;
  });
}
