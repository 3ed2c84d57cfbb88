import type { Kysely, Selectable } from 'kysely';
import type { Job, JobRun } from '../api/index.ts';
import { AppError, newId } from '../common/index.ts';
import type { Database } from '../db/index.ts';
import { describeSchedule, nextRuns } from './cron-schedule.ts';

export type JobRow = Selectable<Database['jobs']>;

export interface NewJob {
  name: string;
  kind: string;
  cron: string;
  timezone: string;
  enabled: boolean;
  notify: 'failures' | 'all';
  options: Record<string, unknown>;
}

export function jobOptions(row: JobRow): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(row.options_json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function toJob(row: JobRow, extra: { lastRun: JobRun | null; running: boolean; kindKnown: boolean; now: Date }): Job {
  let nextRunAt: string | null = null;
  if (row.enabled === 1) {
    try {
      nextRunAt = nextRuns(row.cron, row.timezone, extra.now, 1)[0]?.toISOString() ?? null;
    } catch {
      nextRunAt = null;
    }
  }
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    cron: row.cron,
    timezone: row.timezone,
    enabled: row.enabled === 1,
    notify: row.notify,
    options: jobOptions(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    schedule: { description: describeSchedule(row.cron), nextRunAt },
    lastRun: extra.lastRun,
    running: extra.running,
    kindKnown: extra.kindKnown,
  };
}

export async function listJobRows(db: Kysely<Database>, kind?: string): Promise<JobRow[]> {
  let query = db.selectFrom('jobs').selectAll();
  if (kind !== undefined) query = query.where('kind', '=', kind);
  return query.orderBy('created_at').orderBy('id').execute();
}

export async function getJobRow(db: Kysely<Database>, id: string): Promise<JobRow> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new AppError('NOT_FOUND', `No scheduled job has the id ${id}.`, { id });
  return row;
}

export async function insertJob(db: Kysely<Database>, job: NewJob, now: Date): Promise<JobRow> {
  const at = now.toISOString();
  const row: JobRow = {
    id: newId(),
    name: job.name,
    kind: job.kind,
    cron: job.cron,
    timezone: job.timezone,
    enabled: job.enabled ? 1 : 0,
    notify: job.notify,
    options_json: JSON.stringify(job.options),
    created_at: at,
    updated_at: at,
    schedule_since: at,
  };
  await db.insertInto('jobs').values(row).execute();
  return row;
}

export async function updateJob(db: Kysely<Database>, before: JobRow, patch: Partial<NewJob>, now: Date): Promise<JobRow> {
  const at = now.toISOString();
  const scheduleChanged =
    (patch.cron !== undefined && patch.cron !== before.cron) ||
    (patch.timezone !== undefined && patch.timezone !== before.timezone) ||
    (patch.enabled === true && before.enabled === 0);
  const after: JobRow = {
    ...before,
    name: patch.name ?? before.name,
    cron: patch.cron ?? before.cron,
    timezone: patch.timezone ?? before.timezone,
    enabled: patch.enabled === undefined ? before.enabled : patch.enabled ? 1 : 0,
    notify: patch.notify ?? before.notify,
    options_json: patch.options === undefined ? before.options_json : JSON.stringify(patch.options),
    updated_at: at,
    // A new or re-enabled schedule owes nothing for the slots it was not in force for.
    schedule_since: scheduleChanged ? at : before.schedule_since,
  };
  await db.updateTable('jobs').set(after).where('id', '=', before.id).execute();
  return after;
}

export async function deleteJob(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('jobs').where('id', '=', id).execute();
}
