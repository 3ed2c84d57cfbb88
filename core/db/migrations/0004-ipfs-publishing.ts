import { sql, type Kysely } from 'kysely';

/**
 * IPFS publishing. Pins live here rather than in Helia's datastore: Helia records a pin with one
 * file write per block, which made pinning 2–5× slower than importing (see bench/publish.bench.ts);
 * here a pin and its block list are one SQLite transaction, and `ipfs.gc` keeps every listed block.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ipfs_pins')
    .addColumn('cid', 'text', (c) => c.primaryKey())
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('publication', 'car-import', 'backup')`))
    .addColumn('block_count', 'integer', (c) => c.notNull())
    .addColumn('pinned_at', 'text', (c) => c.notNull())
    .execute();

  // One row per block a pin keeps; `block` is the base32 multihash (what the FS blockstore names files by).
  await db.schema
    .createTable('ipfs_pin_blocks')
    .addColumn('pin_cid', 'text', (c) => c.notNull().references('ipfs_pins.cid').onDelete('cascade'))
    .addColumn('block', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ipfs_pin_blocks_pk', ['pin_cid', 'block'])
    .modifyEnd(sql`without rowid`)
    .execute();

  await db.schema
    .createTable('publications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cid', 'text', (c) => c.notNull().unique())
    .addColumn('profile', 'text', (c) => c.notNull().check(sql`profile in ('modern', 'legacy')`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('directory', 'file')`))
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('file_count', 'integer', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('set null'))
    .addColumn('source_path', 'text', (c) => c.notNull())
    .addColumn('has_lock', 'integer', (c) => c.notNull())
    .addColumn('first_published_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('publications_published_at').on('publications').columns(['published_at', 'id']).execute();
  await db.schema.createIndex('publications_project').on('publications').columns(['project_id', 'published_at']).execute();

  await db.schema
    .createTable('ipfs_remotes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('kubo', 'pinning-service')`))
    .addColumn('endpoint', 'text', (c) => c.notNull())
    // A secret: never copied into audit details, logs, errors or command outputs.
    .addColumn('token', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // The outbox: a remote pin that failed stays `queued` with its next attempt time (backoff).
  await db.schema
    .createTable('ipfs_remote_pins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('remote_id', 'text', (c) => c.notNull().references('ipfs_remotes.id').onDelete('cascade'))
    .addColumn('cid', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued', 'pinning', 'pinned', 'failed')`))
    .addColumn('request_id', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_error_code', 'text')
    .addColumn('last_error_message', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ipfs_remote_pins_remote_cid', ['remote_id', 'cid'])
    .execute();
  await db.schema.createIndex('ipfs_remote_pins_due').on('ipfs_remote_pins').columns(['status', 'next_attempt_at']).execute();
}
