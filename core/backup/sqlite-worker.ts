import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { GENESIS_HASH } from '../audit/index.ts';
import type { Disposable } from '../common/index.ts';

export interface SnapshotFacts {
  migrations: string[];
  audit: { head: string; seq: number; count: number; origin: string | null };
  projects: number;
}

// Plain JavaScript evaluated in the worker: no file to locate at run time, so it survives the
// Electron bundle. It opens its own read-only connection, so the app keeps writing (WAL lets
// readers and one writer run together) and its event loop never waits for a long snapshot.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
// SQLite's own default page cache (2 MiB) rather than better-sqlite3's 16 MiB: these passes read
// each page about once, and with the larger cache VACUUM INTO and integrity_check of a 200 MB store
// measured 1.3–1.6× slower (fresh memory to fault in, for no hits).
const SMALL_CACHE = 'cache_size = -2000';
function open(file, readonly) {
  const db = new Database(file, { readonly, fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  return db;
}
// The same head as core/audit's auditHead(): count spans first..last seq, since retention purges the oldest.
function auditHead(db, present) {
  const last = present ? db.prepare('select seq, hash from audit_log order by seq desc limit 1').get() : undefined;
  const first = present ? db.prepare('select seq, hash from audit_log order by seq asc limit 1').get() : undefined;
  if (last === undefined || first === undefined) return { head: workerData.genesis, seq: 0, count: 0, origin: null };
  return { head: last.hash, seq: last.seq, count: last.seq - first.seq + 1, origin: first.seq === 1 ? first.hash : null };
}
function facts(db) {
  const has = (t) => db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(t) !== undefined;
  return {
    migrations: has('kysely_migration') ? db.prepare('select name from kysely_migration order by name').pluck().all() : [],
    audit: auditHead(db, has('audit_log')),
    projects: has('projects') ? db.prepare('select count(*) from projects').pluck().get() : 0,
  };
}
const ops = {
  snapshot({ source, target }) {
    const db = open(source, true);
    // VACUUM INTO syncs its output as the connection's synchronous setting says. The snapshot is a
    // temp file read right away; the archive made from it is what gets fsynced.
    db.pragma('synchronous = OFF');
    db.pragma(SMALL_CACHE);
    try { db.prepare('vacuum into ?').run(target); } finally { db.close(); }
    const copy = open(target, true);
    try { return facts(copy); } finally { copy.close(); }
  },
  integrity({ file }) {
    const db = open(file, true);
    db.pragma(SMALL_CACHE);
    try {
      const rows = db.pragma('integrity_check').map((r) => r.integrity_check);
      return rows.length === 1 && rows[0] === 'ok' ? { ok: true, problems: [] } : { ok: false, problems: rows.slice(0, 10) };
    } finally { db.close(); }
  },
  facts({ file }) {
    const db = open(file, true);
    try { return facts(db); } finally { db.close(); }
  },
};
parentPort.on('message', ({ id, op, args }) => {
  try {
    parentPort.postMessage({ id, ok: true, result: ops[op](args) });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: { code: error && error.code, message: String(error && error.message || error) } });
  }
});
`;

type Pending = { resolve: (value: unknown) => void; reject: (error: unknown) => void };

/**
 * A worker thread that does the long SQLite work of a backup: the `VACUUM INTO` snapshot and
 * `PRAGMA integrity_check`. Requests run one after another, in the order sent.
 */
export class SqliteWorker implements Disposable {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | undefined;

  constructor() {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, genesis: GENESIS_HASH } });
    this.worker.on('message', (message: { id: number; ok: boolean; result?: unknown; error?: { code?: string; message: string } }) => {
      const waiting = this.pending.get(message.id);
      if (waiting === undefined) return;
      this.pending.delete(message.id);
      if (message.ok) waiting.resolve(message.result);
      else waiting.reject(Object.assign(new Error(message.error?.message ?? 'SQLite worker failed'), { code: message.error?.code }));
    });
    const failAll = (error: Error) => {
      this.failure = error;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', failAll);
    this.worker.on('exit', () => failAll(new Error('The SQLite worker stopped.')));
  }

  private request<T>(op: string, args: Record<string, unknown>): Promise<T> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, op, args });
    });
  }

  /** A consistent copy of `source` at `target` (which must not exist), and what it holds. */
  snapshot(source: string, target: string): Promise<SnapshotFacts> {
    return this.request('snapshot', { source, target });
  }

  integrity(file: string): Promise<{ ok: boolean; problems: string[] }> {
    return this.request('integrity', { file });
  }

  facts(file: string): Promise<SnapshotFacts> {
    return this.request('facts', { file });
  }

  async dispose(): Promise<void> {
    await this.worker.terminate();
  }
}
