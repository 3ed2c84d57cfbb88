import type { Kysely } from 'kysely';

/**
 * Generation records (the table exists since 0001): what a list needs without parsing the lock —
 * the stack rendered, the output's root hash and size — and the warnings generation gave.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('generations').addColumn('stack', 'text').execute();
  await db.schema.alterTable('generations').addColumn('root_hash', 'text').execute();
  await db.schema.alterTable('generations').addColumn('file_count', 'integer').execute();
  await db.schema.alterTable('generations').addColumn('byte_count', 'integer').execute();
  await db.schema.alterTable('generations').addColumn('warnings_json', 'text').execute();
  await db.schema.createIndex('generations_started').on('generations').columns(['started_at', 'id']).execute();
}
