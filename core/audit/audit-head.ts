import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';

/**
 * A hash chain cannot see its own tail being cut off, so the head (last seq, its hash, how many
 * entries) is also kept outside the table: in `<dataDir>/audit-head.json`, refreshed after every
 * committed append, and in every backup manifest (the backup engine reads `auditHead`).
 *
 * The file is a lower bound: it is written after the commit, so a crash in between leaves it one
 * step behind, which verification accepts. It never moves backwards and never jumps to a chain
 * that does not contain it; only `reanchor` (an audited, deliberate act, e.g. after a restore)
 * replaces it.
 */
export const AUDIT_HEAD_FILE = 'audit-head.json';
const FORMAT = 'dihya-audit-head/1';

export interface AuditHead {
  /** Seq of the last entry. */
  seq: number;
  /** Its hash. */
  hash: string;
  /** Entries in the table (seq − first seq + 1: retention purges the oldest). */
  count: number;
  /** Hash of entry #1 while it exists; tells a replaced database from a truncated one. */
  origin: string | null;
}

export interface AuditAnchor extends AuditHead {
  format: typeof FORMAT;
  updatedAt: string;
}

interface SeqHash {
  seq: number;
  hash: string;
}

function headFrom(last: SeqHash | undefined, first: SeqHash | undefined): AuditHead | null {
  if (last === undefined || first === undefined) return null;
  return { seq: last.seq, hash: last.hash, count: last.seq - first.seq + 1, origin: first.seq === 1 ? first.hash : null };
}

/** The head of the log in this database (for backup manifests: read it in the backup's snapshot). */
export async function auditHead(db: Kysely<Database>): Promise<AuditHead | null> {
  const last = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const first = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'asc').limit(1).executeTakeFirst();
  return headFrom(last, first);
}

export function auditHeadSync(sqlite: BetterSqlite3.Database): AuditHead | null {
  const last = sqlite.prepare('select seq, hash from audit_log order by seq desc limit 1').get() as SeqHash | undefined;
  const first = sqlite.prepare('select seq, hash from audit_log order by seq asc limit 1').get() as SeqHash | undefined;
  return headFrom(last, first);
}

export function readAuditAnchor(dataDir: string): AuditAnchor | null | 'unreadable' {
  const file = join(dataDir, AUDIT_HEAD_FILE);
  if (!existsSync(file)) return null;
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<AuditAnchor>;
    if (value.format !== FORMAT || typeof value.seq !== 'number' || typeof value.hash !== 'string' || typeof value.count !== 'number') return 'unreadable';
    return { format: FORMAT, seq: value.seq, hash: value.hash, count: value.count, origin: typeof value.origin === 'string' ? value.origin : null, updatedAt: String(value.updatedAt ?? '') };
  } catch {
    return 'unreadable';
  }
}

/** Write-then-rename in the same folder: readers see the old file or the new one, never half. */
function writeAnchor(dataDir: string, anchor: AuditAnchor): void {
  const file = join(dataDir, AUDIT_HEAD_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(anchor, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}

/**
 * Moves the recorded head forward to the table's head. Called after every commit that appended
 * entries. Returns the anchor now on disk.
 */
export function syncAuditAnchor(sqlite: BetterSqlite3.Database, dataDir: string, now: Date): AuditAnchor | null | 'unreadable' {
  const existing = readAuditAnchor(dataDir);
  const head = auditHeadSync(sqlite);
  if (head === null || existing === 'unreadable') return existing;
  if (existing !== null) {
    if (existing.seq >= head.seq) return existing;
    // Only move along the same chain: a database swapped underneath keeps the old anchor as evidence.
    const there = sqlite.prepare('select hash from audit_log where seq = ?').pluck().get(existing.seq) as string | undefined;
    if (there !== undefined && there !== existing.hash) return existing;
  }
  const anchor: AuditAnchor = { format: FORMAT, ...head, origin: head.origin ?? (existing === null ? null : existing.origin), updatedAt: now.toISOString() };
  writeAnchor(dataDir, anchor);
  return anchor;
}

/** Replaces the recorded head with the table's head, whatever was there. Audit the act first. */
export function reanchorAudit(sqlite: BetterSqlite3.Database, dataDir: string, now: Date): AuditAnchor | null {
  const head = auditHeadSync(sqlite);
  if (head === null) return null;
  const anchor: AuditAnchor = { format: FORMAT, ...head, updatedAt: now.toISOString() };
  writeAnchor(dataDir, anchor);
  return anchor;
}
