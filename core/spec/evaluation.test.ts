import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatReport, runCorpus, type CorpusTotals } from './evaluation/run-corpus.ts';

/**
 * The extractor's report card, on our own corpus (core/spec/corpus) and on the shared sample
 * (../shared/specs from the repo root, present here and in CI), with the targets of
 * shared/specs/README.md. The figures are printed so a regression shows which spec and which item.
 */

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const corpora = [
  { title: 'own corpus (core/spec/corpus)', dir: resolve(here, 'corpus'), required: true },
  { title: 'shared corpus (../shared/specs)', dir: resolve(repoRoot, '../shared/specs'), required: false },
];

function meetsTargets(totals: CorpusTotals): void {
  expect(totals.entityRecall, 'entity recall').toBe(1);
  expect(totals.fieldRecall, 'field recall').toBeGreaterThanOrEqual(0.9);
  expect(totals.relationRecall, 'relation recall').toBeGreaterThanOrEqual(0.8);
  expect(totals.precision, 'precision').toBeGreaterThanOrEqual(0.9);
  expect(totals.domainExact, 'domain exact').toBe(totals.specs);
  expect(totals.languagesExact, 'languages exact').toBe(totals.specs);
  expect(totals.exactOk, 'structured specs equal their file').toBe(totals.exactSpecs);
}

describe('spec extraction evaluation', () => {
  for (const corpus of corpora) {
    it.skipIf(!corpus.required && !existsSync(corpus.dir))(`meets the targets on the ${corpus.title}`, () => {
      const { results, totals } = runCorpus(corpus.dir);
      console.log(formatReport(corpus.title, results, totals));
      if (corpus.required) expect(totals.specs, 'our corpus keeps at least 15 specs').toBeGreaterThanOrEqual(15);
      expect(totals.specs).toBeGreaterThan(0);
      meetsTargets(totals);
    });
  }
});
