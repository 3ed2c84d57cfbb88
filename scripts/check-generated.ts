// `npm run check:generated`: for every spec of both corpora that asks for a web app, generate the
// project with `dihya generate` and run `npm install && npm test && npm run build` in it, untouched.
// Usage: node scripts/check-generated.ts [SPEC…]   (default: every spec of core/spec/corpus and ../shared/specs)
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { checkGeneratedApp, corpusSpecs, type AppCheck } from '../core/generation/test-support/check-app.ts';
import { modelFromSpec } from '../core/generation/index.ts';

const args = process.argv.slice(2);
const specs = args.length > 0 ? args : corpusSpecs();
const results: AppCheck[] = [];
const skipped: string[] = [];

for (const spec of specs) {
  try {
    const model = await modelFromSpec({ text: readFileSync(spec, 'utf8'), fileName: basename(spec), format: 'auto' });
    if (model.stacks.length > 0 && !model.stacks.includes('web')) {
      skipped.push(`${basename(spec)} (asks for ${model.stacks.join(', ')})`);
      continue;
    }
  } catch {
    // Not readable as a model: the generate step reports why, as a failure.
  }
  process.stderr.write(`check:generated ${basename(spec)}…\n`);
  const result = checkGeneratedApp(spec);
  results.push(result);
  const failed = result.steps.find((s) => !s.ok);
  process.stderr.write(`  ${result.ok ? 'ok' : `FAILED at ${failed?.step}`} (${result.steps.map((s) => `${s.step} ${(s.ms / 1000).toFixed(1)} s`).join(', ')})\n`);
  if (failed) process.stderr.write(`${failed.tail.split('\n').map((l) => `    ${l}`).join('\n')}\n`);
}

console.table(results.map((r) => ({ spec: basename(r.spec), result: r.ok ? 'ok' : `failed: ${r.steps.find((s) => !s.ok)?.step}`, ...Object.fromEntries(r.steps.map((s) => [s.step, `${(s.ms / 1000).toFixed(1)} s`])) })));
if (skipped.length > 0) console.log(`Not a web app, skipped: ${skipped.join('; ')}`);
const failures = results.filter((r) => !r.ok).length;
console.log(`${results.length - failures} passed, ${failures} failed`);
process.exitCode = failures > 0 ? 1 : 0;
