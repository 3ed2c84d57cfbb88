import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { generateTree, loadTemplatePack, planOutput, writeOutput } from '../core/codegen/index.ts';
import { syntheticModel } from '../core/codegen/test-support/models.ts';
import { BUILTIN_TEMPLATES_DIR } from '../core/generation/index.ts';
import { rowsFrom, type BenchRow } from './report.ts';

const SIZES = [10, 100] as const;

/** A fresh process that loads the pack, renders and writes one project: its time (cold) and peak RSS. */
function coldRun(entities: number, outDir: string): { ms: number; peakMiB: number } {
  const script = `
    const started = performance.now();
    const { generateTree, loadTemplatePack, planOutput, writeOutput } = await import(${JSON.stringify(new URL('../core/codegen/index.ts', import.meta.url).href)});
    const { syntheticModel } = await import(${JSON.stringify(new URL('../core/codegen/test-support/models.ts', import.meta.url).href)});
    const pack = await loadTemplatePack(${JSON.stringify(`${BUILTIN_TEMPLATES_DIR}web-fullstack`)});
    const { tree } = generateTree({ model: syntheticModel(${entities}), pack, generatorVersion: 'bench' });
    await writeOutput(${JSON.stringify(outDir)}, tree, await planOutput(${JSON.stringify(outDir)}, tree));
    process.stdout.write(JSON.stringify({ ms: performance.now() - started, kib: process.resourceUsage().maxRSS }));`;
  const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: fileURLToPath(new URL('..', import.meta.url)), encoding: 'utf8' })) as { ms: number; kib: number };
  return { ms: out.ms, peakMiB: out.kib / 1024 };
}

/**
 * Generation of the web-fullstack stack for 10- and 100-entity structured models: in-memory
 * render and render plus atomic write with the pack already compiled (as in the app and `serve`),
 * files and bytes produced, and a cold process (as one CLI run): its time and peak memory. Targets (issue 4): 10 entities < 500 ms, ≤ 1 ms per file, ≤ 150 MiB.
 */
export async function benchGeneration(): Promise<BenchRow[]> {
  const root = mkdtempSync(join(tmpdir(), 'dihya-bench-gen-'));
  try {
    const pack = await loadTemplatePack(`${BUILTIN_TEMPLATES_DIR}web-fullstack`);
    const rows: BenchRow[] = [];
    for (const size of SIZES) {
      const model = syntheticModel(size);
      const sample = generateTree({ model, pack, generatorVersion: 'bench' });
      const { files, bytes } = sample.stats;
      let n = 0;
      const bench = new Bench({ time: size === 10 ? 2_000 : 4_000, iterations: 5 });
      bench
        .add(`${size} entities: render in memory`, () => {
          generateTree({ model, pack, generatorVersion: 'bench' });
        })
        .add(`${size} entities: render + atomic write`, async () => {
          const out = join(root, `out-${size}-${n++}`);
          const { tree } = generateTree({ model, pack, generatorVersion: 'bench' });
          await writeOutput(out, tree, await planOutput(out, tree));
        });
      await bench.run();
      const cold = coldRun(size, join(root, `cold-${size}`));
      const measured = rowsFrom('generation (web-fullstack)', bench);
      const write = measured[1]?.meanMs ?? Number.NaN;
      rows.push(
        { ...(measured[0] as BenchRow), note: `${files} files, ${(bytes / 1024).toFixed(0)} KiB` },
        { ...(measured[1] as BenchRow), note: `${(write / files).toFixed(3)} ms per file (target ≤ 1)${size === 10 ? '; target < 500 ms' : ''}` },
        { suite: 'generation (web-fullstack)', task: `${size} entities: cold process (load pack, compile, render, write)`, meanMs: cold.ms, note: `peak RSS ${cold.peakMiB.toFixed(0)} MiB (target ≤ 150)` },
      );
    }
    return rows;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
