import { createHash, hash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bench } from 'tinybench';
import { appendAuditEntry, syncAuditAnchor } from '../core/audit/index.ts';
import { AuditRangeHelper } from '../core/audit/audit-range-helper.ts';
import { verifyAuditLog } from '../core/audit/verify-audit-log.ts';
import { RANGE_SQL } from '../core/audit/audit-range-walk.ts';
import { canonicalJson } from '../core/audit/canonical-json.ts';
import { openStore, type Store } from '../core/db/index.ts';
import { writeAuditEntries } from '../core/test-support/audit-rows.ts';
import { rowsFrom, type BenchRow } from './report.ts';

const ENTRIES = 100_000;

/** 100 000 v2 entries shaped like real ones, written straight to the table (appending them one by one is measured apart). */
function fillLog(store: Store): void {
  writeAuditEntries(store.sqlite, ENTRIES, (seq) => ({
    at: new Date(Date.UTC(2026, 0, 1) + seq * 1000).toISOString(),
    actor: 'local',
    action: 'project.rename',
    subject: globalThis.crypto.randomUUID(),
    details: canonicalJson({ name: `Project ${seq}`, from: `Old name ${seq}`, count: seq % 17 }),
  }));
}

/** Exactly the bytes verification hashes, two texts per entry, built once outside the timing. */
function sameBytes(store: Store): Buffer[] {
  const rows = store.sqlite.prepare('select header_text, content_text from audit_log order by seq').raw(true).all() as [string, string][];
  return rows.flatMap(([header, content]) => [Buffer.from(content), Buffer.from(header)]);
}

const ROUNDS = 11;
const BASELINE = 'sha256 of the same bytes (baseline)';
const HELPER = 'verifyAuditLog, + 1 helper thread started for it (CLI)';
const WARM = 'verifyAuditLog, + 1 helper thread kept (app, serve)';

/**
 * `npm run bench` exposes V8's collector: each task then starts from a collected heap, holding only
 * its own data. Without it, the baseline's 200 000 Buffers stay alive through the other tasks,
 * and every full collection during verification would have to walk them too.
 */
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/**
 * Verification beside hashing the same bytes. The tasks take turns, round after round, and each
 * reports its median: on a machine others share, the load moves between runs, and tasks timed one
 * after the other would compare different machines.
 */
function verifyRows(store: Store, dataDir: string): BenchRow[] {
  // Built before each round of the two hashing tasks, outside their timing, and dropped after them.
  let bytes: Buffer[] = [];
  const expectOk = (check: ReturnType<typeof verifyAuditLog>) => {
    if (!check.ok || check.entries !== ENTRIES) throw new Error(`bench log does not verify: ${JSON.stringify(check.problem)}`);
  };
  let helperRanges = 0;
  let ranges = 0;
  let keptRanges = 0;
  // As AuditService keeps it: started by the first verification, reused by the next ones.
  const kept = new AuditRangeHelper({ idleMs: 60_000 });
  const tasks: [string, () => void][] = [
    [BASELINE, () => {
      for (const b of bytes) hash('sha256', b, 'hex');
    }],
    ['sha256 of the same bytes, one stream', () => {
      const h = createHash('sha256');
      for (const b of bytes) h.update(b);
      h.digest('hex');
    }],
    ['read the same rows, no hashing (one-thread floor)', () => {
      const page = store.sqlite.prepare(RANGE_SQL).raw(true);
      for (let lo = 1; lo <= ENTRIES; lo += 2_500) page.all(lo, lo + 2_499);
    }],
    ['verifyAuditLog, one thread', () => expectOk(verifyAuditLog(store.sqlite, dataDir, { helper: false }))],
    [HELPER, () => expectOk(verifyAuditLog(store.sqlite, dataDir, { helper: true, onRun: (run) => { helperRanges += run.byHelper; ranges += run.ranges; } }))],
    [WARM, () => expectOk(verifyAuditLog(store.sqlite, dataDir, { helper: true, thread: kept, onRun: (run) => { keptRanges += run.byHelper; } }))],
  ];
  const times = new Map<string, number[]>(tasks.map(([name]) => [name, []]));
  const load = [loadavg()[0] ?? 0];
  for (let round = -1; round < ROUNDS; round += 1) {
    for (const [name, run] of tasks) {
      if (name === BASELINE) bytes = sameBytes(store);
      if (name.startsWith('read')) bytes = [];
      collect();
      const started = performance.now();
      run();
      if (round >= 0) times.get(name)?.push(performance.now() - started);
    }
    if (round === -1) {
      helperRanges = 0;
      ranges = 0;
      keptRanges = 0;
    }
  }
  load.push(loadavg()[0] ?? 0);
  kept.dispose();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  const ratios = (name: string) => {
    const own = times.get(name) ?? [];
    const base = times.get(BASELINE) ?? [];
    const r = own.map((t, i) => t / (base[i] ?? Number.NaN)).sort((a, b) => a - b);
    const at = (q: number) => (r[Math.floor(q * (r.length - 1))] ?? Number.NaN).toFixed(2);
    return `round by round ${at(0.5)}× (quartiles ${at(0.25)}–${at(0.75)}×)`;
  };
  const notes: Record<string, string> = {
    [BASELINE]: `crypto.hash one-shot per text, 2 per entry, over Buffers built beforehand (beats createHash, string input, Buffer output); median of ${ROUNDS} interleaved rounds; load ${load.map((l) => l.toFixed(1)).join('→')}`,
    'sha256 of the same bytes, one stream': 'one digest for all: no verifier can do this',
  };
  return tasks.map(([name]): BenchRow => {
    const row: BenchRow = { suite: 'audit verify', task: name, meanMs: median(times.get(name) ?? []) };
    if (name === BASELINE) return { ...row, note: notes[name] };
    if (name.startsWith('verifyAuditLog')) {
      const helperShare =
        name === HELPER ? `; helper walked ${helperRanges} of ${ranges} ranges (default when a core is idle)` : name === WARM ? `; helper walked ${keptRanges} of ${ranges} ranges` : '';
      return { ...row, baseline: BASELINE, note: `target ≤ 2×; ${ratios(name)}${helperShare}` };
    }
    return notes[name] === undefined ? { ...row, baseline: BASELINE } : { ...row, baseline: BASELINE, note: notes[name] };
  });
}

/**
 * Audit log: append throughput (the real path, Kysely inside a transaction) and verification of
 * 100 000 entries beside hashing the same bytes with sha256 (target: verify within 2×).
 */
export async function benchAudit(): Promise<BenchRow[]> {
  const root = mkdtempSync(join(tmpdir(), 'dihya-bench-audit-'));
  try {
    const appendStore = await openStore(join(root, 'append'));
    const append = new Bench({ time: 1_500 });
    let n = 0;
    append
      .add('appendAuditEntry, one per transaction', async () => {
        await appendStore.db.transaction().execute((trx) => appendAuditEntry(trx, { action: 'project.create', subject: globalThis.crypto.randomUUID(), details: { name: `Bench ${n++}`, note: 'mail amel@example.dz' }, actor: 'local', at: new Date().toISOString() }));
      })
      .add('appendAuditEntry, one per transaction + head file', async () => {
        await appendStore.db.transaction().execute((trx) => appendAuditEntry(trx, { action: 'project.create', subject: globalThis.crypto.randomUUID(), details: { name: `Bench ${n++}` }, actor: 'local', at: new Date().toISOString() }));
        syncAuditAnchor(appendStore.sqlite, join(root, 'append'), new Date());
      });
    await append.run();
    await appendStore.close();

    const store = await openStore(join(root, 'verify'));
    fillLog(store);
    syncAuditAnchor(store.sqlite, join(root, 'verify'), new Date());
    const rows = verifyRows(store, join(root, 'verify'));
    await store.close();
    return [...rowsFrom('audit append', append, { 'appendAuditEntry, one per transaction + head file': 'appendAuditEntry, one per transaction' }), ...rows];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
