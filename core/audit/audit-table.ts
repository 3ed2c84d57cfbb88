import type BetterSqlite3 from 'better-sqlite3';

/**
 * The audit table stores each entry as the exact texts its hashes cover (audit-hash.ts):
 * `header_text` (what `hash` is the sha256 of) and `content_text` (what the header's `content`
 * is the sha256 of; NULL once an erasure emptied the entry). Every other field — `at`, `actor`,
 * `action`, `subject`, `details_json`, `prev_hash`, `content_hash`, `salt` — is a VIRTUAL
 * generated column read out of those texts, so what anyone reads is, by construction, what was
 * hashed: verification hashes the stored texts and never rebuilds them (bench/audit.bench.ts).
 * Legacy v1 entries keep their one v1 text in `header_text`, subject and details included.
 *
 * A JSON function would fail on a text that is not JSON (only a hand edit makes one), and with it
 * every query that reads the row: `json_valid` guards each field, which then reads as NULL ('' for
 * the three the app treats as text) while verification names the entry.
 *
 * Someone who re-creates the table with plain columns could show other values than the texts hold,
 * so the fast walk trusts the texts only while the table is defined exactly as below
 * (`auditTableIsCurrent`); otherwise verification takes the exact walk, which rebuilds the texts
 * from the columns as they read. SQLite keeps a CREATE TABLE's text as written (keyword prefix in
 * capitals), which is what makes that comparison possible. Frozen: a later change adds a new
 * definition and a migration to it.
 */
const fromText = (text: string, path: string) => `iif(json_valid(${text}), json_extract(${text}, '${path}'), null)`;

export const AUDIT_LOG_TABLE_SQL = `CREATE TABLE audit_log (
  seq integer primary key autoincrement,
  header_text text not null,
  content_text text,
  hash text not null unique,
  redacted_by text,
  at text generated always as (coalesce(${fromText('header_text', '$.at')}, '')) virtual,
  actor text generated always as (coalesce(${fromText('header_text', '$.actor')}, '')) virtual,
  action text generated always as (coalesce(${fromText('header_text', '$.action')}, '')) virtual,
  subject text generated always as (case when content_text is null then ${fromText('header_text', '$.subject')} else ${fromText('content_text', '$.subject')} end) virtual,
  details_json text generated always as (coalesce(${fromText('content_text', '$.details')}, ${fromText('header_text', '$.details')}, '{}')) virtual,
  prev_hash text generated always as (${fromText('header_text', '$.prev')}) virtual,
  content_hash text generated always as (${fromText('header_text', '$.content')}) virtual,
  salt text generated always as (${fromText('content_text', '$.salt')}) virtual
)`;

/** Filters on action (Privacy page, retention, erasure) and on time (retention, the audit list). */
export const AUDIT_LOG_INDEX_SQL = ['create index audit_log_action on audit_log (action, seq)', 'create index audit_log_at on audit_log (at, seq)'];

/** Is the table defined as above, so that its columns are read out of the hashed texts? */
export function auditTableIsCurrent(sqlite: BetterSqlite3.Database): boolean {
  const defined = sqlite.prepare(`select sql from sqlite_schema where type = 'table' and name = 'audit_log'`).pluck().get() as string | undefined;
  return defined === AUDIT_LOG_TABLE_SQL;
}
