import type { Kysely } from 'kysely';
import { z } from 'zod';
import { appendAuditEntry } from '../audit/index.ts';
import type { Clock } from '../common/index.ts';
import type { Database } from '../db/index.ts';
import { localTimeZone, readSetting, writeSetting, type JobKindDefinition } from '../scheduler/index.ts';
import { insertJob, listJobRows } from '../scheduler/jobs-repository.ts';
import type { GdprService } from './gdpr-service.ts';

export const GDPR_RETENTION_JOB_KIND = 'gdpr-retention';
const DEFAULT_JOB_KEY = 'gdpr.retention.defaultJob';

const options = z.object({}).strict();

/**
 * The scheduler job that applies the retention rules (Privacy settings). Its kind is registered in
 * createCore; `ensureRetentionJob` creates one nightly job the first time a long-running shell starts.
 */
export function gdprRetentionJobKind(gdpr: GdprService): JobKindDefinition<typeof options> {
  return {
    kind: GDPR_RETENTION_JOB_KIND,
    title: 'Privacy retention',
    description: 'Deletes audit entries, generation records, rotated logs and backups older than your retention rules.',
    defaultCron: '17 3 * * *',
    optionsSchema: options,
    async run(ctx) {
      const result = await gdpr.applyRetention('scheduler');
      const details = { audit: result.audit, generations: result.generations, logs: result.logs, backups: { applied: result.backups.applied, deleted: result.backups.deleted } };
      await ctx.audit({ action: 'gdpr.retention.run', details });
      return {
        summary: `Retention applied: ${result.audit.purged} audit entries, ${result.generations.deleted} generation records, ${result.logs.deletedFiles} log files, ${result.backups.deleted} backups removed.`,
        details,
      };
    },
  };
}

/** Creates the nightly retention job once; deleting it later is respected. Returns whether it wrote. */
export async function ensureRetentionJob(db: Kysely<Database>, clock: Clock): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const done = await readSetting(trx, DEFAULT_JOB_KEY, z.object({ created: z.boolean().default(false) }));
    if (done.created) return false;
    const now = clock.now();
    if ((await listJobRows(trx, GDPR_RETENTION_JOB_KIND)).length === 0) {
      const zone = localTimeZone();
      const job = await insertJob(trx, { name: 'Privacy retention', kind: GDPR_RETENTION_JOB_KIND, cron: '17 3 * * *', timezone: zone, enabled: true, notify: 'failures', options: {} }, now);
      await appendAuditEntry(trx, { action: 'job.create', subject: job.id, details: { kind: job.kind, cron: job.cron, timezone: zone, enabled: true, default: true }, actor: 'system', at: now.toISOString() });
    }
    await writeSetting(trx, DEFAULT_JOB_KEY, { created: true }, now);
    return true;
  });
}
