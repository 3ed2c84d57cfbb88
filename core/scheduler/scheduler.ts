import type { Kysely } from 'kysely';
import cron, { type ScheduledTask } from 'node-cron';
import type { JobRun } from '../api/index.ts';
import { appendAuditEntry } from '../audit/index.ts';
import { AppError, isAppError, type Clock, type Disposable } from '../common/index.ts';
import type { Database } from '../db/index.ts';
import type { EventBus } from '../host/event-bus.ts';
import { previousRun } from './cron-schedule.ts';
import type { JobKindRegistry, JobTrigger } from './job-kind-registry.ts';
import { getJobRow, jobOptions, listJobRows, type JobRow } from './jobs-repository.ts';
import type { NotificationCenter } from './notification-center.ts';
import { isProcessAlive } from './process-alive.ts';
import { finishRun, getRun, lastStartedAt, pruneRuns, runningRuns, startRun } from './runs-repository.ts';

export interface SchedulerDeps {
  db: Kysely<Database>;
  clock: Clock;
  bus: EventBus;
  registry: JobKindRegistry;
  notifications: NotificationCenter;
  /** Called after a job appended audit entries (the audit anchor follows the chain's head). */
  afterAudit?: (() => void) | undefined;
}

interface ActiveRun {
  abort: AbortController;
  done: Promise<JobRun> | undefined;
}

const SHUTDOWN_GRACE_MS = 10_000;
const INTERRUPTED = { code: 'INTERRUPTED', message: 'Dihya stopped (closed, crashed or lost power) before this run finished.' };

// node-cron logs missed ticks to the console; a blocked event loop is already visible in the run history.
const quietLogger = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

function toJobError(error: unknown): { code: string; message: string } {
  if (isAppError(error)) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Runs the jobs stored in SQLite on their cron schedules (node-cron), one run at a time per job,
 * with a history row per run and events on the bus. `start()` is called only by long-running
 * shells (desktop, serve): it marks runs a crash interrupted, arms every enabled job and runs each
 * job whose last slot was missed while the app was closed — once, not once per missed slot.
 * One-shot CLI commands use `runNow` without starting it.
 */
export class Scheduler implements Disposable {
  private readonly deps: SchedulerDeps;
  private readonly tasks = new Map<string, ScheduledTask>();
  private readonly active = new Map<string, ActiveRun>();
  private subscription: Disposable | undefined;
  private started = false;
  private disposed = false;
  private blockedBy: string | undefined;

  constructor(deps: SchedulerDeps) {
    this.deps = deps;
  }

  get isStarted(): boolean {
    return this.started;
  }

  isRunning(jobId: string): boolean {
    return this.active.has(jobId);
  }

  async start(): Promise<void> {
    if (this.started || this.disposed) return;
    this.started = true;
    await this.markInterrupted();
    this.subscription = this.deps.bus.subscribe((event) => {
      if (event.type === 'job.changed') void this.rearm(event.jobId).catch(() => undefined);
    });
    const rows = await listJobRows(this.deps.db);
    for (const row of rows) this.arm(row);
    await this.catchUp(rows);
  }

  /** After the database was replaced (a restore): forget the old timers and arm what is stored now. */
  async reload(): Promise<void> {
    await this.markInterrupted();
    if (!this.started || this.disposed) return;
    for (const task of this.tasks.values()) await task.destroy();
    this.tasks.clear();
    for (const row of await listJobRows(this.deps.db)) this.arm(row);
  }

  /** Starts a run now; `done` settles with the finished run (it never rejects). */
  async runNow(jobId: string, trigger: JobTrigger = 'manual'): Promise<{ run: JobRun; done: Promise<JobRun> }> {
    if (this.disposed) throw new AppError('CONFLICT', 'Dihya is shutting down; run the job after it restarts.', { jobId });
    if (this.blockedBy !== undefined) throw new AppError('CONFLICT', `Jobs are paused while ${this.blockedBy}.`, { jobId });
    if (this.active.has(jobId)) throw new AppError('CONFLICT', 'This job is already running; wait for it to finish.', { jobId });
    // Claimed before the first await, so two quick calls cannot both start the same job.
    const claim: ActiveRun = { abort: new AbortController(), done: undefined };
    this.active.set(jobId, claim);
    try {
      const row = await getJobRow(this.deps.db, jobId);
      await this.markInterrupted(jobId);
      const runId = await startRun(this.deps.db, jobId, trigger, this.deps.clock.now(), process.pid);
      const run = await getRun(this.deps.db, runId);
      this.deps.bus.emit({ type: 'job.run.started', run });
      claim.done = this.execute(row, run, claim.abort.signal).finally(() => this.active.delete(jobId));
      return { run, done: claim.done };
    } catch (error) {
      this.active.delete(jobId);
      throw error;
    }
  }

  /**
   * Runs `work` with no job running and none allowed to start (a restore replacing the database
   * under them). Refuses with CONFLICT while a run is in progress.
   */
  async exclusive<T>(reason: string, work: () => Promise<T>): Promise<T> {
    if (this.blockedBy !== undefined) throw new AppError('CONFLICT', `Wait: ${this.blockedBy} already.`, {});
    if (this.active.size > 0) throw new AppError('CONFLICT', 'A scheduled job is running; wait for it to finish, then try again.', { running: [...this.active.keys()] });
    this.blockedBy = reason;
    try {
      return await work();
    } finally {
      this.blockedBy = undefined;
    }
  }

  /** Resolves when no run is in progress (tests, shutdown). */
  async whenIdle(): Promise<void> {
    while (this.active.size > 0) await Promise.allSettled([...this.active.values()].map((a) => a.done ?? Promise.resolve()));
    await this.deps.notifications.whenDelivered();
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.subscription?.dispose();
    for (const task of this.tasks.values()) await task.destroy();
    this.tasks.clear();
    for (const run of this.active.values()) run.abort.abort(new AppError('CONFLICT', 'Dihya is shutting down.'));
    // A job that ignores the abort must not keep the app from closing: its run is marked
    // interrupted at the next start, as after a crash.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.whenIdle(), new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_GRACE_MS)))]);
    clearTimeout(timer);
  }

  private arm(row: JobRow): void {
    const existing = this.tasks.get(row.id);
    if (existing !== undefined) {
      void existing.destroy();
      this.tasks.delete(row.id);
    }
    if (row.enabled !== 1 || !this.deps.registry.has(row.kind) || this.disposed) return;
    const task = cron.createTask(row.cron, () => this.fire(row.id), { timezone: row.timezone, noOverlap: true, logger: quietLogger });
    this.tasks.set(row.id, task);
    void task.start();
  }

  private async rearm(jobId: string): Promise<void> {
    if (!this.started || this.disposed) return;
    const row = await this.deps.db.selectFrom('jobs').selectAll().where('id', '=', jobId).executeTakeFirst();
    if (row === undefined) {
      await this.tasks.get(jobId)?.destroy();
      this.tasks.delete(jobId);
      return;
    }
    this.arm(row);
  }

  /** A tick of the timer: a job still busy with its previous run skips this one. */
  private fire(jobId: string, trigger: JobTrigger = 'schedule'): void {
    if (this.disposed || this.blockedBy !== undefined || this.active.has(jobId)) return;
    // The run records its own failure; a refused start (another process runs it) needs no record.
    void this.runNow(jobId, trigger).catch(() => undefined);
  }

  private async catchUp(rows: readonly JobRow[]): Promise<void> {
    const now = this.deps.clock.now();
    for (const row of rows) {
      if (row.enabled !== 1 || !this.deps.registry.has(row.kind)) continue;
      const slot = previousRun(row.cron, row.timezone, now);
      if (slot === null || slot.getTime() <= Date.parse(row.schedule_since)) continue;
      const last = await lastStartedAt(this.deps.db, row.id);
      if (last !== null && Date.parse(last) >= slot.getTime()) continue;
      this.fire(row.id, 'catch-up');
    }
  }

  private async execute(row: JobRow, run: JobRun, signal: AbortSignal): Promise<JobRun> {
    const { db, clock, bus, registry } = this.deps;
    const startedAt = Date.parse(run.startedAt);
    let outcome: Parameters<typeof finishRun>[2];
    try {
      const kind = registry.get(row.kind);
      const options = registry.parseOptions(row.kind, jobOptions(row));
      const result = await kind.run({
        job: { id: row.id, name: row.name, kind: row.kind },
        runId: run.id,
        trigger: run.trigger,
        options,
        signal,
        clock,
        emit: (event) => bus.emit(event),
        audit: async (entry) => {
          await db.transaction().execute((trx) => appendAuditEntry(trx, { ...entry, actor: 'scheduler', at: clock.now().toISOString() }));
          this.deps.afterAudit?.();
        },
      });
      const finishedAt = clock.now();
      outcome = { status: 'succeeded', finishedAt, durationMs: finishedAt.getTime() - startedAt, result: { summary: result.summary, details: result.details ?? {} } };
    } catch (error) {
      const finishedAt = clock.now();
      outcome = signal.aborted
        ? { status: 'interrupted', finishedAt, durationMs: finishedAt.getTime() - startedAt, error: { code: 'INTERRUPTED', message: 'Dihya was shutting down, so this run was stopped.' } }
        : { status: 'failed', finishedAt, durationMs: finishedAt.getTime() - startedAt, error: toJobError(error) };
    }
    try {
      await finishRun(db, run.id, outcome);
      await pruneRuns(db, row.id);
      const finished = await getRun(db, run.id).catch(() => ({ ...run, status: outcome.status, finishedAt: outcome.finishedAt.toISOString(), durationMs: outcome.durationMs, error: outcome.error ?? null, result: outcome.result ?? null }));
      bus.emit({ type: 'job.run.finished', run: finished });
      await this.deps.notifications.jobOutcome({ id: row.id, name: row.name, notify: row.notify }, finished).catch(() => undefined);
      return finished;
    } catch {
      // The store went away under the run (shutdown): the next start marks it interrupted.
      return { ...run, status: outcome.status };
    }
  }

  /** Runs left `running` by a process that is gone (a crash, a power cut) become `interrupted`. */
  private async markInterrupted(jobId?: string): Promise<void> {
    const { db, clock, bus } = this.deps;
    for (const row of await runningRuns(db)) {
      if (jobId !== undefined && row.job_id !== jobId) continue;
      const ownedHere = row.pid === process.pid && this.active.get(row.job_id)?.done !== undefined;
      if (ownedHere || (row.pid !== process.pid && isProcessAlive(row.pid))) continue;
      const finishedAt = clock.now();
      await finishRun(db, row.id, { status: 'interrupted', finishedAt, durationMs: Math.max(0, finishedAt.getTime() - Date.parse(row.started_at)), error: INTERRUPTED });
      const run = await getRun(db, row.id);
      bus.emit({ type: 'job.run.finished', run });
      const job = await getJobRow(db, row.job_id).catch(() => undefined);
      if (job !== undefined) await this.deps.notifications.jobOutcome({ id: job.id, name: job.name, notify: job.notify }, run).catch(() => undefined);
    }
  }
}
