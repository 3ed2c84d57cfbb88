import type BetterSqlite3 from 'better-sqlite3';
import { GENESIS_HASH, contentText, headerText, newSalt, sha256Hex } from '../audit/audit-hash.ts';

export interface PlainAuditEntry {
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  /** Canonical JSON, as appendAuditEntry stores it. */
  details: string;
}

/**
 * Appends `count` chained v2 entries straight to the table, built as appendAuditEntry builds them
 * (minus redaction), in one transaction: long logs for tests and the bench in a fraction of the time.
 */
export function writeAuditEntries(sqlite: BetterSqlite3.Database, count: number, entry: (seq: number) => PlainAuditEntry): void {
  const last = sqlite.prepare('select seq, hash from audit_log order by seq desc limit 1').get() as { seq: number; hash: string } | undefined;
  const insert = sqlite.prepare('insert into audit_log (seq, header_text, content_text, hash) values (?, ?, ?, ?)');
  sqlite.transaction(() => {
    let prev = last?.hash ?? GENESIS_HASH;
    const first = (last?.seq ?? 0) + 1;
    for (let seq = first; seq < first + count; seq += 1) {
      const e = entry(seq);
      const content = contentText(e.subject, e.details, newSalt());
      const header = headerText({ seq, at: e.at, actor: e.actor, action: e.action, contentHash: sha256Hex(content), prevHash: prev });
      const hash = sha256Hex(header);
      insert.run(seq, header, content, hash);
      prev = hash;
    }
  })();
}

type HeaderField = 'at' | 'actor' | 'action' | 'prev' | 'content';
type ContentField = 'subject' | 'salt';

/**
 * A hand edit of one stored entry, as anyone holding the database file could make it: the field is
 * changed inside the stored text (every column is read out of the texts), the hashes left alone.
 */
export function editAuditEntry(sqlite: BetterSqlite3.Database, seq: number, edit: { field: HeaderField | ContentField; value: string | null } | { details: string }): void {
  if ('details' in edit) {
    sqlite.prepare(`update audit_log set content_text = json_set(content_text, '$.details', json(?)) where seq = ?`).run(edit.details, seq);
    return;
  }
  const column = edit.field === 'subject' || edit.field === 'salt' ? 'content_text' : 'header_text';
  sqlite.prepare(`update audit_log set ${column} = json_set(${column}, '$.${edit.field}', ?) where seq = ?`).run(edit.value, seq);
}

/** Rewrites an entry's details with its own hashes recomputed to match: only its successor's link can tell. */
export function forgeAuditEntry(sqlite: BetterSqlite3.Database, seq: number, details: string): void {
  const row = sqlite.prepare('select at, actor, action, subject, salt, prev_hash from audit_log where seq = ?').get(seq) as { at: string; actor: string; action: string; subject: string | null; salt: string; prev_hash: string };
  const content = contentText(row.subject, details, row.salt);
  const header = headerText({ seq, at: row.at, actor: row.actor, action: row.action, contentHash: sha256Hex(content), prevHash: row.prev_hash });
  sqlite.prepare('update audit_log set header_text = ?, content_text = ?, hash = ? where seq = ?').run(header, content, sha256Hex(header), seq);
}

/** Empties an entry the way an erasure does, without the erasure (and so without its tombstone). */
export function emptyAuditEntry(sqlite: BetterSqlite3.Database, seq: number, erasureId: string): void {
  sqlite.prepare('update audit_log set content_text = null, redacted_by = ? where seq = ?').run(erasureId, seq);
}
