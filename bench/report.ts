import type { Bench } from 'tinybench';

export interface BenchRow {
  suite: string;
  task: string;
  /** Mean time per operation, in milliseconds. */
  meanMs: number;
  /** The task this one is compared with (the baseline), when there is one. */
  baseline?: string;
  note?: string;
}

/** Reads mean latencies out of a finished tinybench run. */
export function rowsFrom(suite: string, bench: Bench, baselines: Record<string, string> = {}): BenchRow[] {
  return bench.tasks.map((task) => {
    const result = task.result as { latency?: { mean?: number } } | undefined;
    const meanMs = result?.latency?.mean ?? Number.NaN;
    const baseline = baselines[task.name];
    return baseline === undefined ? { suite, task: task.name, meanMs } : { suite, task: task.name, meanMs, baseline };
  });
}

function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms < 0.01) return `${(ms * 1000).toFixed(2)} µs`;
  if (ms < 10) return `${ms.toFixed(3)} ms`;
  return `${ms.toFixed(1)} ms`;
}

/** One table for every suite, each measured task beside its baseline and the ratio to it. */
export function printReport(rows: readonly BenchRow[]): void {
  const byName = new Map(rows.map((row) => [`${row.suite}\u0000${row.task}`, row]));
  const table = rows.map((row) => {
    const base = row.baseline === undefined ? undefined : byName.get(`${row.suite}\u0000${row.baseline}`);
    return {
      suite: row.suite,
      task: row.task,
      'mean / op': formatMs(row.meanMs),
      'vs baseline': base === undefined ? '' : `${(row.meanMs / base.meanMs).toFixed(2)}× ${base.task}`,
      note: row.note ?? '',
    };
  });
  console.table(table);
}
