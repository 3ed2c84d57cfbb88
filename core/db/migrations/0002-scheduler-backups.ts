import { sql, type Kysely } from 'kysely';

/** Scheduled jobs, their run history, the notification centre, and backup verification results. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('cron', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('notify', 'text', (c) => c.notNull().defaultTo('failures'))
    .addColumn('options_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // When the current schedule took effect: slots before it are not "missed" (no catch-up for them).
    .addColumn('schedule_since', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('job_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('job_id', 'text', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
    .addColumn('trigger', 'text', (c) => c.notNull().check(sql`"trigger" in ('schedule', 'manual', 'catch-up')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('running', 'succeeded', 'failed', 'interrupted')`))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('duration_ms', 'integer')
    .addColumn('error_json', 'text')
    .addColumn('result_json', 'text')
    // The process that owns a running run: a dead owner means the run was interrupted.
    .addColumn('pid', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('job_runs_job').on('job_runs').columns(['job_id', 'started_at']).execute();
  await db.schema.createIndex('job_runs_started').on('job_runs').columns(['started_at']).execute();
  // One run at a time per job, across processes (the desktop app and a CLI `jobs run`).
  await sql`create unique index job_runs_one_running on job_runs (job_id) where status = 'running'`.execute(db);

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('info', 'success', 'warning', 'error')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('job_id', 'text')
    .addColumn('run_id', 'text')
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_at').on('notifications').columns(['at']).execute();

  await db.schema
    .createTable('backup_checks')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('backup_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('error_code', 'text')
    .addColumn('message', 'text')
    .execute();
  await db.schema.createIndex('backup_checks_backup').on('backup_checks').columns(['backup_id', 'seq']).execute();
}
