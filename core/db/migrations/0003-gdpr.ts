import { sql, type Kysely } from 'kysely';
import { GENESIS_HASH, contentHashV2, entryHashV1, entryHashV2, newSalt } from '../../audit/audit-hash.ts';
import { canonicalJson } from '../../audit/canonical-json.ts';

/**
 * GDPR by design: audit entries become erasable without breaking the chain (v2 hashing, see
 * core/audit/audit-hash.ts): `content_hash` commits to subject + details + `salt`; an erasure
 * clears those three and sets `redacted_by` to the erasure's id, named by a tombstone entry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('content_hash', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('salt', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('redacted_by', 'text').execute();
  await db.schema.createIndex('audit_log_action').on('audit_log').columns(['action', 'seq']).execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'seq']).execute();
  await resealLegacyChain(db);
}

interface LegacyRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  details_json: string;
  prev_hash: string;
  hash: string;
}

/**
 * Entries written before this migration (v1) cannot be erased. If — and only if — their chain
 * verifies, they are re-sealed as v2 in place, so erasure works on all of history. A chain that
 * does not verify is left exactly as it is: `dihya audit verify` keeps naming the damage.
 */
async function resealLegacyChain(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<LegacyRow>`select seq, at, actor, action, subject, details_json, prev_hash, hash from audit_log order by seq`.execute(db);
  if (rows.length === 0) return;
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const row of rows) {
    const details = JSON.parse(row.details_json) as Record<string, unknown>;
    const intact = row.seq === expectedSeq && row.prev_hash === prev && entryHashV1({ seq: row.seq, at: row.at, actor: row.actor, action: row.action, subject: row.subject, details, prevHash: row.prev_hash }) === row.hash;
    if (!intact) return;
    prev = row.hash;
    expectedSeq += 1;
  }
  prev = GENESIS_HASH;
  for (const row of rows) {
    const detailsJson = canonicalJson(JSON.parse(row.details_json));
    const salt = newSalt();
    const contentHash = contentHashV2(row.subject, detailsJson, salt);
    const hash = entryHashV2({ seq: row.seq, at: row.at, actor: row.actor, action: row.action, contentHash, prevHash: prev });
    await sql`update audit_log set details_json = ${detailsJson}, salt = ${salt}, content_hash = ${contentHash}, prev_hash = ${prev}, hash = ${hash} where seq = ${row.seq}`.execute(db);
    prev = hash;
  }
}
