import { createRequire } from 'node:module';
import { Worker, type MessagePort } from 'node:worker_threads';
import { RANGE_SQL, walkAuditRange } from './audit-range-walk.ts';
import type { RangePlan } from './audit-range-runner.ts';

// Slots of the shared Int32Array of one walk: the next range to take, ranges the helper finished, whether it failed.
export const NEXT = 0;
export const DONE = 1;
export const STATE = 2;
export const FAILED = 1;

/** One walk handed to the helper thread: results go to `port`, progress to `shared`. */
export interface HelperJob {
  file: string;
  plan: RangePlan;
  shared: SharedArrayBuffer;
  port: MessagePort;
}

// Plain JavaScript evaluated in the worker (no file to locate, so it survives the Electron bundle,
// as core/backup/sqlite-worker.ts does); the walk itself is the very function the caller runs.
// Each job opens its own read-only connection and closes it: between walks the thread holds no
// file open, so a restore that replaces the database, or Windows deleting it, never meets it.
const helperSource = (): string => `
const { parentPort, workerData } = require('node:worker_threads');
const { hash } = require('node:crypto');
const walkAuditRange = ${String(walkAuditRange)};
let Driver;
const sql = ${JSON.stringify(RANGE_SQL)};
parentPort.on('message', ({ file, plan, shared, port }) => {
  const state = new Int32Array(shared);
  let db;
  try {
    Driver ??= require(workerData.driver);
    db = new Driver(file, { readonly: true, fileMustExist: true });
    // Mapping the file spares the fresh connection a read() and a copy per page.
    db.pragma('mmap_size = 1073741824');
    const page = db.prepare(sql).raw(true);
    for (;;) {
      const i = Atomics.add(state, ${NEXT}, 1);
      const lo = plan.min + i * plan.size;
      if (lo > plan.max) break;
      const hi = Math.min(lo + plan.size - 1, plan.max);
      let facts = null;
      try {
        facts = walkAuditRange(page.all(lo, hi), lo, hi, plan.anchorSeq, plan.tombstonePrefix, hash);
      } catch { /* not sure: the exact walk decides */ }
      port.postMessage({ i, facts });
      Atomics.add(state, ${DONE}, 1);
      Atomics.notify(state, ${DONE});
    }
  } catch {
    Atomics.store(state, ${STATE}, ${FAILED});
    Atomics.notify(state, ${DONE});
  } finally {
    if (db) db.close();
    port.close();
  }
});
`;

/**
 * The thread that walks ranges beside the caller's. Starting one costs about 30 ms (a fresh V8
 * isolate and Node's bootstrap), a third of hashing 100 000 entries: a long-lived process (the
 * desktop app, `dihya serve`) keeps it between verifications and lets it go after `idleMs`
 * without one; a one-shot command passes 0 and disposes it after its walk. Never keeps the
 * process alive.
 */
export class AuditRangeHelper {
  private worker: Worker | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly idleMs: number;

  constructor(options: { idleMs: number }) {
    this.idleMs = options.idleMs;
  }

  /** Hands a walk to the thread, starting it if needed. Failures surface through the job's shared state. */
  walk(job: HelperJob): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.worker === null) {
      const worker = new Worker(helperSource(), { eval: true, workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3') } });
      worker.unref();
      // A thread that dies fails its job (the caller walks the rest); the next walk starts a new one.
      const forget = () => {
        if (this.worker === worker) this.worker = null;
      };
      worker.on('error', forget);
      worker.on('exit', forget);
      this.worker = worker;
    }
    this.worker.postMessage(job, [job.port]);
    if (this.idleMs > 0) {
      this.idleTimer = setTimeout(() => this.dispose(), this.idleMs);
      this.idleTimer.unref();
    }
  }

  /** Whether a thread is up (tests: it goes after `idleMs`). */
  get running(): boolean {
    return this.worker !== null;
  }

  dispose(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const worker = this.worker;
    this.worker = null;
    if (worker !== null) void worker.terminate();
  }
}
