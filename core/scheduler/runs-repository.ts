import type { Kysely, Selectable } from 'kysely';
import type { JobRun } from '../api/index.ts';
import { AppError, newId, redactValue } from '../common/index.ts';
import type { Database } from '../db/index.ts';
import type { JobTrigger } from './job-kind-registry.ts';

type RunRow = Selectable<Database['job_runs']>;
type RunWithJob = RunRow & { job_name: string; kind: string };

/** History kept per job: enough for months of daily runs, bounded for every-minute ones. */
export const RUNS_KEPT_PER_JOB = 500;

function parseJson<T>(text: string | null): T | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

export function toRun(row: RunWithJob): JobRun {
  return {
    id: row.id,
    jobId: row.job_id,
    jobName: row.job_name,
    kind: row.kind,
    trigger: row.trigger,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: row.duration_ms,
    error: parseJson<{ code: string; message: string }>(row.error_json),
    result: parseJson<{ summary: string; details: Record<string, unknown> }>(row.result_json),
  };
}

function runsWithJob(db: Kysely<Database>) {
  return db.selectFrom('job_runs').innerJoin('jobs', 'jobs.id', 'job_runs.job_id').selectAll('job_runs').select(['jobs.name as job_name', 'jobs.kind as kind']);
}

export async function getRun(db: Kysely<Database>, id: string): Promise<JobRun> {
  const row = await runsWithJob(db).where('job_runs.id', '=', id).executeTakeFirst();
  if (row === undefined) throw new AppError('NOT_FOUND', `No job run has the id ${id}.`, { id });
  return toRun(row);
}

/**
 * Records a run as started. The partial unique index on running runs makes this the
 * cross-process guard for "one run at a time per job": a second start is a CONFLICT.
 */
export async function startRun(db: Kysely<Database>, jobId: string, trigger: JobTrigger, startedAt: Date, pid: number): Promise<string> {
  const id = newId();
  try {
    await db.insertInto('job_runs').values({ id, job_id: jobId, trigger, status: 'running', started_at: startedAt.toISOString(), finished_at: null, duration_ms: null, error_json: null, result_json: null, pid }).execute();
  } catch (error) {
    if (String((error as { code?: unknown }).code ?? '').startsWith('SQLITE_CONSTRAINT')) {
      throw new AppError('CONFLICT', 'This job is already running; wait for it to finish.', { jobId });
    }
    throw error;
  }
  return id;
}

export async function finishRun(
  db: Kysely<Database>,
  id: string,
  outcome: { status: 'succeeded' | 'failed' | 'interrupted'; finishedAt: Date; durationMs: number; error?: { code: string; message: string }; result?: { summary: string; details: Record<string, unknown> } },
): Promise<void> {
  await db
    .updateTable('job_runs')
    .set({
      status: outcome.status,
      finished_at: outcome.finishedAt.toISOString(),
      duration_ms: Math.max(0, Math.round(outcome.durationMs)),
      // Job errors and results often quote what a remote answered: stored redacted (core/common/redact.ts).
      error_json: outcome.error === undefined ? null : JSON.stringify(redactValue(outcome.error)),
      result_json: outcome.result === undefined ? null : JSON.stringify(redactValue(outcome.result)),
    })
    .where('id', '=', id)
    .execute();
}

export async function pruneRuns(db: Kysely<Database>, jobId: string): Promise<void> {
  const cutoff = await db.selectFrom('job_runs').select('started_at').where('job_id', '=', jobId).orderBy('started_at', 'desc').offset(RUNS_KEPT_PER_JOB).limit(1).executeTakeFirst();
  if (cutoff !== undefined) await db.deleteFrom('job_runs').where('job_id', '=', jobId).where('started_at', '<=', cutoff.started_at).where('status', '!=', 'running').execute();
}

export async function runningRuns(db: Kysely<Database>): Promise<RunRow[]> {
  return db.selectFrom('job_runs').selectAll().where('status', '=', 'running').execute();
}

export async function lastRuns(db: Kysely<Database>, jobIds: readonly string[]): Promise<Map<string, JobRun>> {
  const out = new Map<string, JobRun>();
  for (const jobId of jobIds) {
    const row = await runsWithJob(db).where('job_runs.job_id', '=', jobId).orderBy('job_runs.started_at', 'desc').orderBy('job_runs.id', 'desc').limit(1).executeTakeFirst();
    if (row !== undefined) out.set(jobId, toRun(row));
  }
  return out;
}

export async function lastStartedAt(db: Kysely<Database>, jobId: string): Promise<string | null> {
  const row = await db.selectFrom('job_runs').select('started_at').where('job_id', '=', jobId).orderBy('started_at', 'desc').limit(1).executeTakeFirst();
  return row?.started_at ?? null;
}

export async function listRuns(
  db: Kysely<Database>,
  filter: { jobId?: string | undefined; status?: JobRun['status'] | undefined; limit: number; offset: number },
): Promise<{ items: JobRun[]; total: number }> {
  let query = runsWithJob(db);
  if (filter.jobId !== undefined) query = query.where('job_runs.job_id', '=', filter.jobId);
  if (filter.status !== undefined) query = query.where('job_runs.status', '=', filter.status);
  const rows = await query.orderBy('job_runs.started_at', 'desc').orderBy('job_runs.id', 'desc').limit(filter.limit).offset(filter.offset).execute();
  let countQuery = db.selectFrom('job_runs').select((eb) => eb.fn.countAll<number>().as('n'));
  if (filter.jobId !== undefined) countQuery = countQuery.where('job_id', '=', filter.jobId);
  if (filter.status !== undefined) countQuery = countQuery.where('status', '=', filter.status);
  const total = Number((await countQuery.executeTakeFirstOrThrow()).n);
  return { items: rows.map(toRun), total };
}
