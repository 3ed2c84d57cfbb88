import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { canonicalJson } from './canonical-json.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryInput {
  action: string;
  subject?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditRecord {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export function hashAuditEntry(entry: Omit<AuditRecord, 'hash'>): string {
  return createHash('sha256')
    .update(canonicalJson({ seq: entry.seq, at: entry.at, actor: entry.actor, action: entry.action, subject: entry.subject, details: entry.details, prev: entry.prevHash }))
    .digest('hex');
}

/**
 * Appends one entry to the hash chain. Call it inside the transaction of the change it records,
 * so the change and its entry are stored together or not at all.
 */
export async function appendAuditEntry(
  db: Kysely<Database>,
  entry: AuditEntryInput & { actor: string; at: string },
): Promise<AuditRecord> {
  const last = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const record: Omit<AuditRecord, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject ?? null,
    details: entry.details ?? {},
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = hashAuditEntry(record);
  await db
    .insertInto('audit_log')
    .values({ seq: record.seq, at: record.at, actor: record.actor, action: record.action, subject: record.subject, details_json: JSON.stringify(record.details), prev_hash: record.prevHash, hash })
    .execute();
  return { ...record, hash };
}

export async function readAuditLog(db: Kysely<Database>, options: { limit?: number } = {}): Promise<AuditRecord[]> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq', 'asc').limit(options.limit ?? 1_000_000).execute();
  return rows.map((row) => ({
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    details: JSON.parse(row.details_json) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  }));
}

export type AuditVerification =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; firstBadSeq: number; reason: 'modified' | 'broken-link' | 'out-of-order' };

/** Walks the chain and names the first entry that does not hold. */
export function verifyAuditChain(records: readonly AuditRecord[]): AuditVerification {
  let prev = GENESIS_HASH;
  let prevSeq = 0;
  for (const record of records) {
    if (record.seq <= prevSeq) return { ok: false, entries: records.length, firstBadSeq: record.seq, reason: 'out-of-order' };
    if (record.prevHash !== prev) return { ok: false, entries: records.length, firstBadSeq: record.seq, reason: 'broken-link' };
    if (hashAuditEntry(record) !== record.hash) return { ok: false, entries: records.length, firstBadSeq: record.seq, reason: 'modified' };
    prev = record.hash;
    prevSeq = record.seq;
  }
  return { ok: true, entries: records.length, head: prev };
}
