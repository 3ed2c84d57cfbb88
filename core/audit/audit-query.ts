import { sql, type Kysely } from 'kysely';
import type { AuditEntry } from '../api/index.ts';
import type { Database } from '../db/index.ts';

export interface AuditListOptions {
  search?: string | undefined;
  action?: string | undefined;
  actor?: string | undefined;
  subject?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  order: 'newest' | 'oldest';
  limit: number;
  offset: number;
}

function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Times are compared as UTC ISO strings, the form every entry is stored in. */
function utc(iso: string): string {
  return new Date(iso).toISOString();
}

/** One page of the audit log with the total matching, for the Privacy page and `dihya audit list`. */
export async function listAuditEntries(db: Kysely<Database>, options: AuditListOptions): Promise<{ items: AuditEntry[]; total: number }> {
  let query = db.selectFrom('audit_log');
  if (options.action) {
    query = options.action.endsWith('.')
      ? query.where(sql<boolean>`action like ${`${options.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`)
      : query.where('action', '=', options.action);
  }
  if (options.actor) query = query.where('actor', '=', options.actor);
  if (options.subject) query = query.where('subject', '=', options.subject);
  if (options.from) query = query.where('at', '>=', utc(options.from));
  if (options.to) query = query.where('at', '<', utc(options.to));
  if (options.search) {
    const pattern = likeContains(options.search);
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`action like ${pattern} escape '\\'`,
        sql<boolean>`coalesce(subject, '') like ${pattern} escape '\\'`,
        sql<boolean>`details_json like ${pattern} escape '\\'`,
      ]),
    );
  }
  const rows = await query
    .select(['seq', 'at', 'actor', 'action', 'subject', 'details_json', 'hash', 'prev_hash', 'redacted_by'])
    .orderBy('seq', options.order === 'newest' ? 'desc' : 'asc')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  const total =
    options.offset === 0 && rows.length < options.limit
      ? rows.length
      : Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return {
    items: rows.map((row) => ({
      seq: row.seq,
      at: row.at,
      actor: row.actor,
      action: row.action,
      subject: row.subject,
      details: JSON.parse(row.details_json) as Record<string, unknown>,
      hash: row.hash,
      prevHash: row.prev_hash,
      redacted: row.redacted_by !== null,
    })),
    total,
  };
}

export async function listAuditActions(db: Kysely<Database>): Promise<{ action: string; count: number }[]> {
  const rows = await db.selectFrom('audit_log').select(['action', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('action').orderBy('action').execute();
  return rows.map((row) => ({ action: row.action, count: Number(row.n) }));
}
