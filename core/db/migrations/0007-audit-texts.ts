import { sql, type Kysely } from 'kysely';
import { canonicalJson } from '../../audit/canonical-json.ts';
import { contentText, headerText } from '../../audit/audit-hash.ts';
import { AUDIT_LOG_INDEX_SQL, AUDIT_LOG_TABLE_SQL } from '../../audit/audit-table.ts';
import type { AuditRow } from '../../audit/audit-verify.ts';

/**
 * The texts an entry's hashes cover, built from its columns exactly as verification built them
 * until now: an intact entry gets the very texts it was hashed from, and a damaged one gets texts
 * that do not match its hash, so `dihya audit verify` names the same entries after this migration
 * as before it.
 */
function textsOf(row: AuditRow): { header: string; content: string | null } {
  if (row.content_hash === null) {
    // Legacy v1 (a chain that did not verify when 0003 re-sealed the rest): one text, as entryHashV1 builds it.
    let details: unknown;
    try {
      details = JSON.parse(row.details_json);
    } catch {
      details = row.details_json;
    }
    return { header: canonicalJson({ seq: row.seq, at: row.at, actor: row.actor, action: row.action, subject: row.subject, details, prev: row.prev_hash }), content: null };
  }
  const header = headerText({ seq: row.seq, at: row.at, actor: row.actor, action: row.action, contentHash: row.content_hash, prevHash: row.prev_hash });
  // An emptied entry keeps no content text; one marked emptied that still holds content keeps it, so it stays visible.
  const emptied = row.redacted_by !== null && row.subject === null && row.salt === null && row.details_json === '{}';
  return { header, content: emptied ? null : contentText(row.subject, row.details_json, row.salt ?? '') };
}

/**
 * Audit entries are stored as the texts their hashes cover, every other field read out of them
 * (core/audit/audit-table.ts): verification then hashes what is stored instead of rebuilding it,
 * which made `audit verify` several times slower than hashing the same bytes. The table is
 * re-created under its final name (not renamed into place, which would rewrite the definition
 * text verification compares), in one transaction. Nothing references audit_log.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`alter table audit_log rename to audit_log_0006`.execute(trx);
    await sql`drop index if exists audit_log_action`.execute(trx);
    await sql`drop index if exists audit_log_at`.execute(trx);
    await sql.raw(AUDIT_LOG_TABLE_SQL).execute(trx);
    const { rows } = await sql<AuditRow>`select seq, at, actor, action, subject, details_json, prev_hash, hash, content_hash, salt, redacted_by from audit_log_0006 order by seq`.execute(trx);
    for (let i = 0; i < rows.length; i += 500) {
      const values = rows.slice(i, i + 500).map((row) => {
        const { header, content } = textsOf(row);
        return sql`(${row.seq}, ${header}, ${content}, ${row.hash}, ${row.redacted_by})`;
      });
      await sql`insert into audit_log (seq, header_text, content_text, hash, redacted_by) values ${sql.join(values)}`.execute(trx);
    }
    await sql`drop table audit_log_0006`.execute(trx);
    for (const index of AUDIT_LOG_INDEX_SQL) await sql.raw(index).execute(trx);
  });
}
