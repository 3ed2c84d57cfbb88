import type { Kysely } from 'kysely';
import { redactText, redactValue } from '../common/index.ts';
import type { Database } from '../db/index.ts';
import { GENESIS_HASH, contentText, entryHashV1, headerText, newSalt, sha256Hex } from './audit-hash.ts';
import { CHECKPOINT_ACTION, TOMBSTONE_ACTION, rowFromRecord, scanAuditChain, type AuditCheck, type AuditProblemReason, type AuditRow } from './audit-verify.ts';
import { canonicalJson } from './canonical-json.ts';

export { GENESIS_HASH };

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
  /** v2 entries only (see audit-hash.ts); absent or null on legacy v1 entries. */
  contentHash?: string | null;
  salt?: string | null;
  /** Set when an erasure redacted this entry: subject, details and salt are then gone. */
  redactedBy?: string | null;
}

/** The legacy (v1) hash of an entry, kept for callers that hash records themselves. */
export function hashAuditEntry(entry: Omit<AuditRecord, 'hash'>): string {
  return entryHashV1(entry);
}

/** Actions that make the chain itself verifiable; erasure never redacts them. */
export const STRUCTURAL_ACTIONS: readonly string[] = [CHECKPOINT_ACTION, TOMBSTONE_ACTION];

/**
 * Appends one entry to the hash chain. Call it inside the transaction of the change it records,
 * so the change and its entry are stored together or not at all.
 *
 * Subject and details are redacted first (credentials removed, e-mails and phone numbers masked):
 * what reaches this table is never more than what `redactValue` lets through.
 */
/**
 * SQLite stores text as UTF-8, which cannot hold a lone UTF-16 surrogate: it comes back as U+FFFD.
 * Hashing the text as it will read back keeps such an entry verifiable. (Details need nothing:
 * their JSON escapes lone surrogates as `\udXXX`.)
 */
const asStored = (text: string): string => text.replace(/[\uD800-\uDFFF]/gu, '\uFFFD');

export async function appendAuditEntry(
  db: Kysely<Database>,
  entry: AuditEntryInput & { actor: string; at: string },
): Promise<AuditRecord> {
  const last = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const subject = entry.subject === undefined || entry.subject === null ? null : asStored(redactText(entry.subject));
  // Through JSON first, so what is hashed is what JSON can hold (Dates as ISO strings, no undefined).
  const details = redactValue(JSON.parse(JSON.stringify(entry.details ?? {})) as Record<string, unknown>);
  const detailsJson = canonicalJson(details);
  const salt = newSalt();
  const content = contentText(subject, detailsJson, salt);
  const contentHash = sha256Hex(content);
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const actor = asStored(redactText(entry.actor));
  const at = asStored(entry.at);
  const action = asStored(entry.action);
  const header = headerText({ seq, at, actor, action, contentHash, prevHash });
  const hash = sha256Hex(header);
  // The texts are stored as hashed; every other column is read out of them (audit-table.ts).
  await db.insertInto('audit_log').values({ seq, header_text: header, content_text: content, hash, redacted_by: null }).execute();
  return { seq, at, actor, action, subject, details: JSON.parse(detailsJson) as Record<string, unknown>, prevHash, hash, contentHash, salt, redactedBy: null };
}

export function recordFromRow(row: AuditRow): AuditRecord {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    details: JSON.parse(row.details_json) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
    contentHash: row.content_hash,
    salt: row.salt,
    redactedBy: row.redacted_by,
  };
}

export async function readAuditLog(db: Kysely<Database>, options: { limit?: number } = {}): Promise<AuditRecord[]> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq', 'asc').limit(options.limit ?? 1_000_000).execute();
  return rows.map(recordFromRow);
}

export type AuditVerification =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; firstBadSeq: number; reason: AuditProblemReason; message: string };

/**
 * Walks records already in memory and names the first entry that does not hold: `modified`,
 * `removed` (missing; `firstBadSeq` is the missing entry), `reordered`, or an erasure redaction
 * no tombstone accounts for. For the stored log with its head anchor, use `verifyAuditLog`.
 */
export function verifyAuditChain(records: readonly AuditRecord[]): AuditVerification {
  const check: AuditCheck = scanAuditChain(() => records.map(rowFromRecord), { checkpoint: 'find', anchor: null });
  if (check.problem === null) return { ok: true, entries: check.entries, head: check.head?.hash ?? GENESIS_HASH };
  return { ok: false, entries: records.length, firstBadSeq: check.problem.seq, reason: check.problem.reason, message: check.problem.message };
}
