import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { stringify } from 'yaml';
import { generateTree, loadTemplatePack, planOutput, writeOutput, type VirtualTree } from '../core/codegen/index.ts';
import { syntheticModel } from '../core/codegen/test-support/models.ts';
import { BUILTIN_TEMPLATES_DIR } from '../core/generation/index.ts';
import { rowsFrom, type BenchRow } from './report.ts';

const SIZES = [10, 100] as const;
const SUITE = 'generation (web-fullstack)';
const REPO = fileURLToPath(new URL('..', import.meta.url));
const COLD_RUNS = 3;

/** The floor the atomic write is compared with: the same files, written in place, nothing fsynced (not crash-safe). */
async function plainWrite(dir: string, tree: VirtualTree): Promise<void> {
  const folders = new Set([...tree.keys()].map((path) => dirname(join(dir, path))));
  await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
  const queue = [...tree];
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) await writeFile(join(dir, next[0]), next[1]);
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

// Written on stderr when the CLI process exits: its peak resident memory, as the OS counted it.
const PEAK_RSS_HOOK = `data:text/javascript,process.on('exit', () => process.stderr.write('\\nbench-peak-rss-kib=' + process.resourceUsage().maxRSS + '\\n'));`;

/** One `dihya generate` as a user runs it: a fresh process (Node start, core, store, render, write). */
function coldCli(spec: string, work: string): { ms: number; peakMiB: number } {
  rmSync(join(work, 'data'), { recursive: true, force: true });
  rmSync(join(work, 'out'), { recursive: true, force: true });
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', PEAK_RSS_HOOK, join(REPO, 'bin/dihya.js'), '--data-dir', join(work, 'data'), 'generate', spec, '-o', join(work, 'out')], { cwd: REPO, encoding: 'utf8', env: { ...process.env, UV_THREADPOOL_SIZE: undefined } });
  const ms = performance.now() - started;
  const peak = /bench-peak-rss-kib=(\d+)/.exec(run.stderr);
  if (run.status !== 0 || peak === null) throw new Error(`dihya generate failed in the benchmark: ${run.stderr.slice(0, 500)}`);
  return { ms, peakMiB: Number(peak[1]) / 1024 };
}

/** Run (untimed) before each write: each starts with nothing pending on the disk, so none pays for the one before. */
function flushPending(): void {
  if (process.platform !== 'win32') execFileSync('sync');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * Generation of the web-fullstack stack for 10- and 100-entity structured models: in-memory render;
 * render plus atomic write (each file fsynced, then its folder, before the rename; the pack already
 * compiled, as in the app and `serve`) beside the same files written plainly with no fsync; and
 * `dihya generate` in a fresh process: its time and peak RSS (median of 3). bench/run.ts widens
 * libuv's pool as bin/dihya.js does. Targets (issue 4): 10 entities < 500 ms, ≤ 1 ms per file, ≤ 150 MiB.
 */
export async function benchGeneration(): Promise<BenchRow[]> {
  const root = mkdtempSync(join(tmpdir(), 'dihya-bench-gen-'));
  try {
    const pack = await loadTemplatePack(`${BUILTIN_TEMPLATES_DIR}web-fullstack`);
    const rows: BenchRow[] = [];
    for (const size of SIZES) {
      const model = syntheticModel(size);
      const { files, bytes } = generateTree({ model, pack, generatorVersion: 'bench' }).stats;
      let n = 0;
      const names = {
        render: `${size} entities: render in memory`,
        plain: `${size} entities: render + plain write (no fsync, not crash-safe)`,
        atomic: `${size} entities: render + atomic write`,
      };
      const bench = new Bench({ time: size === 10 ? 2_000 : 4_000, iterations: 5 });
      bench
        .add(names.render, () => {
          generateTree({ model, pack, generatorVersion: 'bench' });
        })
        .add(
          names.plain,
          async () => {
            await plainWrite(join(root, `plain-${size}-${n++}`), generateTree({ model, pack, generatorVersion: 'bench' }).tree);
          },
          { beforeEach: flushPending },
        )
        .add(
          names.atomic,
          async () => {
            const out = join(root, `out-${size}-${n++}`);
            const { tree } = generateTree({ model, pack, generatorVersion: 'bench' });
            await writeOutput(out, tree, await planOutput(out, tree));
          },
          { beforeEach: flushPending },
        );
      await bench.run();
      const [render, plain, atomic] = rowsFrom(SUITE, bench, { [names.atomic]: names.plain }) as [BenchRow, BenchRow, BenchRow];

      const work = join(root, `cold-${size}`);
      mkdirSync(work);
      const spec = join(work, 'spec.yaml');
      writeFileSync(spec, stringify(model));
      const cold = Array.from({ length: COLD_RUNS }, () => coldCli(spec, work));
      rows.push(
        { ...render, note: `${files} files, ${(bytes / 1024).toFixed(0)} KiB` },
        { ...plain, note: `${(plain.meanMs / files).toFixed(3)} ms per file` },
        { ...atomic, note: `${(atomic.meanMs / files).toFixed(3)} ms per file (target ≤ 1)${size === 10 ? '; target < 500 ms' : ''}` },
        { suite: SUITE, task: `${size} entities: \`dihya generate\`, fresh process (median of ${COLD_RUNS})`, meanMs: median(cold.map((c) => c.ms)), note: `peak RSS ${median(cold.map((c) => c.peakMiB)).toFixed(0)} MiB (target ≤ 150)` },
      );
    }
    return rows;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
