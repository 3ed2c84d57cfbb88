import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { appendAuditEntry } from './audit-log.ts';
import { CHECKPOINT_ACTION } from './audit-verify.ts';

/**
 * Retention for the audit log: deletes the oldest entries (a prefix of the chain, all older than
 * `before`) and appends a checkpoint entry naming the last purged entry and its hash. The first
 * remaining entry links to that hash, so verification starts there instead of at genesis, and a
 * deletion the checkpoint does not cover is still named. Run it inside one transaction.
 */
export async function purgeAuditEntries(
  db: Kysely<Database>,
  options: { before: string; actor: string; at: string; reason?: string },
): Promise<{ purged: number; checkpointSeq: number | null }> {
  const firstKept = await db.selectFrom('audit_log').select('seq').where('at', '>=', options.before).orderBy('seq', 'asc').limit(1).executeTakeFirst();
  let throughQuery = db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1);
  if (firstKept !== undefined) throughQuery = throughQuery.where('seq', '<', firstKept.seq);
  const through = await throughQuery.executeTakeFirst();
  if (through === undefined) return { purged: 0, checkpointSeq: null };
  const deleted = await db.deleteFrom('audit_log').where('seq', '<=', through.seq).executeTakeFirst();
  const purged = Number(deleted.numDeletedRows);
  const checkpoint = await appendAuditEntry(db, {
    action: CHECKPOINT_ACTION,
    actor: options.actor,
    at: options.at,
    subject: null,
    details: { throughSeq: through.seq, throughHash: through.hash, purged, before: options.before, reason: options.reason ?? 'retention' },
  });
  return { purged, checkpointSeq: checkpoint.seq };
}
