import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { corpusFiles } from '../core/spec/evaluation/run-corpus.ts';
import { syntheticStructuredSpec } from '../core/spec/evaluation/synthetic-spec.ts';
import { parseSpec } from '../core/spec/index.ts';
import { rowsFrom, type BenchRow } from './report.ts';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));

/** Parse time of every corpus spec (ours and the shared one when present) and of a 200-entity structured spec. */
export async function benchSpec(): Promise<BenchRow[]> {
  const bench = new Bench({ time: 200, iterations: 5 });
  const corpora = [resolve(repoRoot, 'core/spec/corpus'), resolve(repoRoot, '../shared/specs')];
  for (const dir of corpora) {
    for (const spec of corpusFiles(dir)) {
      const text = readFileSync(spec.specFile, 'utf8');
      const fileName = basename(spec.specFile);
      bench.add(`${basename(dir)}/${fileName}`, () => {
        parseSpec({ text, fileName });
      });
    }
  }
  const big = syntheticStructuredSpec(200);
  bench.add('structured spec, 200 entities', () => {
    parseSpec({ text: big, fileName: 'big.yaml' });
  });
  await bench.run();
  return rowsFrom('spec.parse', bench);
}
