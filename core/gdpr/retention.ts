import type { RetentionRunResult } from '../api/index.ts';
import { purgeAuditEntries } from '../audit/index.ts';
import type { GdprDeps } from './gdpr-deps.ts';
import type { RetentionParticipant } from './participants.ts';
import { readRetentionRules } from './retention-rules.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

function cutoff(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

/**
 * Applies the retention rules once. Called by the `gdpr-retention` scheduler job and by
 * `gdpr.retention.run`. Database deletions and the audit checkpoint share one transaction;
 * rotated logs and backups (through their participant) follow.
 */
export async function applyRetention(deps: GdprDeps, participants: readonly RetentionParticipant[], actor: string): Promise<RetentionRunResult> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const { rules } = await readRetentionRules(deps.store.db);
  const stored = await deps.store.db.transaction().execute(async (trx) => {
    let generations = 0;
    if (rules.generationDays !== null) {
      const result = await trx
        .deleteFrom('generations')
        .where('status', '!=', 'running')
        .where('finished_at', '<', cutoff(now, rules.generationDays))
        .executeTakeFirst();
      generations = Number(result.numDeletedRows);
    }
    const audit = await purgeAuditEntries(trx, { before: cutoff(now, rules.auditDays), actor, at });
    return { generations, audit };
  });
  deps.audit.syncAnchor();
  const logs = deps.appLog.file.pruneOlderThan(new Date(cutoff(now, rules.logDays)));
  const backups = participants.filter((p) => p.kind === 'backups');
  const applied = await Promise.all(backups.map((p) => p.apply(rules.backupDays, now)));
  const backupResult = backups.length === 0
    ? { applied: false, deleted: 0, note: 'No backup engine is registered; nothing to apply.' }
    : { applied: true, deleted: applied.reduce((sum, r) => sum + r.deleted, 0), note: applied.map((r) => r.note).join(' ') };
  return { at, audit: stored.audit, generations: { deleted: stored.generations }, logs: { deletedFiles: logs }, backups: backupResult };
}
