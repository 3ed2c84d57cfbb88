import { sql, type Kysely } from 'kysely';

/**
 * A generation whose process died (a crash, a kill, a power cut) stayed `running` for ever. Runs now
 * record the `pid` of the process that runs them, and the core marks a `running` run whose process
 * is gone as `interrupted` when it starts. SQLite cannot change a CHECK constraint in place, so the
 * table is rebuilt (it has no dependants: nothing references generations), in one transaction.
 * Re-running this after a crash between its commit and Kysely's bookkeeping is harmless: the copy
 * reads only the columns every version has.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`drop table if exists generations_rebuilt`.execute(trx);
    await sql`create table generations_rebuilt (
      id text primary key,
      project_id text not null references projects (id) on delete cascade,
      status text not null check (status in ('running', 'succeeded', 'failed', 'interrupted')),
      started_at text not null,
      finished_at text,
      duration_ms integer,
      model_json text,
      lock_json text,
      output_dir text,
      error_json text,
      stack text,
      root_hash text,
      file_count integer,
      byte_count integer,
      warnings_json text,
      pid integer
    )`.execute(trx);
    const columns = sql.raw('id, project_id, status, started_at, finished_at, duration_ms, model_json, lock_json, output_dir, error_json, stack, root_hash, file_count, byte_count, warnings_json');
    await sql`insert into generations_rebuilt (${columns}) select ${columns} from generations`.execute(trx);
    await sql`drop table generations`.execute(trx);
    await sql`alter table generations_rebuilt rename to generations`.execute(trx);
    await sql`create index generations_project on generations (project_id, started_at)`.execute(trx);
    await sql`create index generations_started on generations (started_at, id)`.execute(trx);
    // The start-up sweep looks for `running` runs only.
    await sql`create index generations_running on generations (status) where status = 'running'`.execute(trx);
  });
}
