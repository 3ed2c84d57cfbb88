import type { Kysely } from 'kysely';
import { appendAuditEntry } from '../audit/index.ts';
import type { Clock } from '../common/index.ts';
import type { Database } from '../db/index.ts';
import { recoverOutput, sweepStaging } from '../codegen/index.ts';
import { isProcessAlive } from '../scheduler/process-alive.ts';
import { finishRun, runningRuns } from './generations-repository.ts';

/**
 * Generation runs in progress in this process. Process-wide on purpose: a second core opened on the
 * same data directory in this process (tests, a restore) must not take a live run for a dead one
 * whose process had the same pid (pids are reused across restarts, e.g. in containers).
 */
export const runsInThisProcess = new Set<string>();

export const INTERRUPTED_ERROR = { code: 'INTERRUPTED', message: 'Dihya stopped (closed, crashed, killed or lost power) before this generation finished; its output folder was left as it was before the run.' } as const;

function isOrphan(run: { id: string; pid: number | null }): boolean {
  if (run.pid === process.pid) return !runsInThisProcess.has(run.id);
  // A run recorded before runs carried their pid (0006) cannot belong to a live process.
  return run.pid === null || !isProcessAlive(run.pid);
}

/**
 * Runs left `running` by a process that is gone become `interrupted`, each with an audit entry
 * (`generation.interrupted`, actor `system`), and their output folders are put back as they were:
 * an update cut short is rolled back from its journal, a half-built new folder is removed.
 * Called when the core starts; returns how many runs it marked, so the caller can record the
 * audit head.
 */
export async function markInterruptedGenerations(db: Kysely<Database>, clock: Clock): Promise<number> {
  const running = await runningRuns(db);
  const stale = running.filter(isOrphan);
  if (stale.length === 0) return 0;
  const finishedAt = clock.now();
  await db.transaction().execute(async (trx) => {
    for (const run of stale) {
      await finishRun(trx, run.id, { status: 'interrupted', finishedAt: finishedAt.toISOString(), durationMs: Math.max(0, finishedAt.getTime() - Date.parse(run.startedAt)), error: INTERRUPTED_ERROR });
      await appendAuditEntry(trx, { action: 'generation.interrupted', subject: run.id, details: { projectId: run.projectId, stack: run.stack, code: INTERRUPTED_ERROR.code }, actor: 'system', at: finishedAt.toISOString() });
    }
  });
  // A folder another live run is writing is left to that run.
  const busy = new Set(running.filter((run) => !stale.includes(run)).map((run) => run.outputDir));
  for (const run of stale) {
    if (run.outputDir === null || busy.has(run.outputDir)) continue;
    await recoverOutput(run.outputDir).catch(() => undefined);
    await sweepStaging(run.outputDir, isProcessAlive).catch(() => undefined);
  }
  return stale.length;
}
