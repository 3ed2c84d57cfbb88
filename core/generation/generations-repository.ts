import type { Kysely, Selectable } from 'kysely';
import type { GenerationSummary } from '../api/generation.ts';
import { AppError } from '../common/index.ts';
import type { Database } from '../db/index.ts';

type Row = Selectable<Database['generations']>;

export interface GenerationRow extends GenerationSummary {
  modelJson: string | null;
  lockJson: string | null;
  warningsJson: string | null;
}

function parseError(json: string | null): GenerationSummary['error'] {
  if (json === null) return null;
  try {
    const value = JSON.parse(json) as { code?: unknown; message?: unknown };
    return { code: String(value.code ?? 'INTERNAL'), message: String(value.message ?? '') };
  } catch {
    return { code: 'INTERNAL', message: json };
  }
}

export function toSummary(row: Row): GenerationSummary {
  return {
    id: row.id,
    projectId: row.project_id,
    status: row.status,
    stack: row.stack,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: row.duration_ms,
    outputDir: row.output_dir,
    rootHash: row.root_hash,
    fileCount: row.file_count,
    byteCount: row.byte_count,
    error: parseError(row.error_json),
  };
}

export async function insertRunning(db: Kysely<Database>, row: { id: string; projectId: string; stack: string; outputDir: string; startedAt: string }): Promise<void> {
  await db
    .insertInto('generations')
    .values({ id: row.id, project_id: row.projectId, status: 'running', started_at: row.startedAt, stack: row.stack, output_dir: row.outputDir, finished_at: null, duration_ms: null, model_json: null, lock_json: null, error_json: null, root_hash: null, file_count: null, byte_count: null, warnings_json: null, pid: process.pid })
    .execute();
}

/** Runs left `running`, with the process that runs them (null for runs recorded before 0006). */
export async function runningRuns(db: Kysely<Database>): Promise<{ id: string; projectId: string; stack: string | null; startedAt: string; outputDir: string | null; pid: number | null }[]> {
  const rows = await db.selectFrom('generations').select(['id', 'project_id', 'stack', 'started_at', 'output_dir', 'pid']).where('status', '=', 'running').orderBy('started_at').execute();
  return rows.map((r) => ({ id: r.id, projectId: r.project_id, stack: r.stack, startedAt: r.started_at, outputDir: r.output_dir, pid: r.pid }));
}

export interface FinishedRun {
  status: 'succeeded' | 'failed' | 'interrupted';
  finishedAt: string;
  durationMs: number;
  modelJson?: string | null;
  lockJson?: string | null;
  rootHash?: string | null;
  fileCount?: number | null;
  byteCount?: number | null;
  warningsJson?: string | null;
  error?: { code: string; message: string } | null;
}

export async function finishRun(db: Kysely<Database>, id: string, run: FinishedRun): Promise<void> {
  await db
    .updateTable('generations')
    .set({
      status: run.status,
      finished_at: run.finishedAt,
      duration_ms: run.durationMs,
      model_json: run.modelJson ?? null,
      lock_json: run.lockJson ?? null,
      root_hash: run.rootHash ?? null,
      file_count: run.fileCount ?? null,
      byte_count: run.byteCount ?? null,
      warnings_json: run.warningsJson ?? null,
      error_json: run.error ? JSON.stringify(run.error) : null,
    })
    .where('id', '=', id)
    .execute();
}

export async function getRun(db: Kysely<Database>, id: string): Promise<GenerationRow> {
  const row = await db.selectFrom('generations').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new AppError('NOT_FOUND', `No generation has the id ${id}.`, { id });
  return { ...toSummary(row), modelJson: row.model_json, lockJson: row.lock_json, warningsJson: row.warnings_json };
}

export async function listRuns(db: Kysely<Database>, options: { projectId?: string | undefined; limit: number; offset: number }): Promise<{ items: GenerationSummary[]; total: number }> {
  let query = db.selectFrom('generations');
  if (options.projectId !== undefined) query = query.where('project_id', '=', options.projectId);
  const rows = await query.selectAll().orderBy('started_at', 'desc').orderBy('id', 'desc').limit(options.limit).offset(options.offset).execute();
  const total = Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { items: rows.map(toSummary), total };
}
