import { sql, type Kysely } from 'kysely';
import { redactText } from '../common/index.ts';
import type { Database } from '../db/index.ts';
import { STRUCTURAL_ACTIONS } from './audit-log.ts';

/** Which entries an erasure empties: all of them, or those about one item (by id and by name). */
export type AuditRedactionMatch = { all: true } | { all?: false; id: string; names: readonly string[] };

function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function matchQuery(db: Kysely<Database>, match: AuditRedactionMatch) {
  let query = db
    .selectFrom('audit_log')
    .where('redacted_by', 'is', null)
    .where('action', 'not in', [...STRUCTURAL_ACTIONS]);
  if (match.all !== true) {
    const { id } = match;
    // Names are matched as whole JSON string values ("name":"Amel"), raw and as redaction masked them,
    // so a short name cannot empty unrelated entries.
    const needles = [...new Set(match.names.filter((n) => n.length > 0).flatMap((n) => [JSON.stringify(n), JSON.stringify(redactText(n))]))];
    query = query.where((eb) =>
      eb.or([
        eb('subject', '=', id),
        sql<boolean>`details_json like ${likeContains(id)} escape '\\'`,
        ...needles.map((needle) => sql<boolean>`details_json like ${likeContains(needle)} escape '\\'`),
      ]),
    );
  }
  return query;
}

export async function countAuditEntriesToRedact(db: Kysely<Database>, match: AuditRedactionMatch): Promise<number> {
  const row = await matchQuery(db, match).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Empties matching entries (their content text, which holds subject, details and salt, deleted;
 * `redacted_by` set) so they keep their place in the chain with nothing personal left. Legacy v1 entries cannot be emptied without
 * breaking the chain; they are counted and left. The caller appends the tombstone naming
 * `erasureId` in the same transaction.
 */
export async function redactAuditEntries(db: Kysely<Database>, match: AuditRedactionMatch, erasureId: string): Promise<{ redacted: number; legacyKept: number }> {
  const rows = await matchQuery(db, match).select(['seq', 'content_hash']).execute();
  const redactable = rows.filter((r) => r.content_hash !== null).map((r) => r.seq);
  for (let i = 0; i < redactable.length; i += 500) {
    await db
      .updateTable('audit_log')
      .set({ content_text: null, redacted_by: erasureId })
      .where('seq', 'in', redactable.slice(i, i + 500))
      .execute();
  }
  return { redacted: redactable.length, legacyKept: rows.length - redactable.length };
}
