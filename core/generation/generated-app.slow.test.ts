import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-core.ts';
import { checkGeneratedApp, NPM_CACHE, REPO_ROOT } from './test-support/check-app.ts';

/**
 * The acceptance test of the web-fullstack stack: real `dihya generate`, then a real
 * `npm install` from the registry (one shared cache), `npm test` and `npm run build` in the
 * untouched output. Slow by nature (minutes); `npm run check:generated` runs it on every spec.
 */
const SPECS = [
  join(REPO_ROOT, 'core/spec/corpus/fr-salle-escalade.yaml'),
  join(REPO_ROOT, 'core/spec/corpus/en-dental-clinic.md'),
  // Reserved words, inherited property names, a cycle, empty entities, quotes and accents, Arabic first.
  join(REPO_ROOT, 'core/generation/fixtures/bad-input.yaml'),
];
const work = tempDir('dihya-generated-app-');
afterAll(() => work.remove());

describe.each(SPECS)('the project generated from %s', (spec) => {
  it('installs, passes its own tests and builds, with no edit', { timeout: 30 * 60_000 }, () => {
    const result = checkGeneratedApp(spec, { workDir: work.path });
    for (const step of result.steps) expect(step.ok, `${step.step} failed:\n${step.tail}`).toBe(true);
    expect(result.steps.map((s) => s.step)).toEqual(['generate', 'install', 'test', 'build']);
    // eslint-disable-next-line no-control-regex -- strips the colours of vitest's summary
    const passed = Number(/Tests\s+(\d+) passed/.exec(result.steps[2]?.tail.replace(/\u001b\[[0-9;]*m/g, '') ?? '')?.[1] ?? 0);
    expect(passed).toBeGreaterThan(40);

    // Its tests really test: let the API accept anything, and they must fail.
    const file = join(result.outDir, 'src/server/http-errors.ts');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('const result = schema.safeParse(body ?? {});', 'const result = { success: true as const, data: body as T };'));
    try {
      const broken = spawnSync('npm', ['test'], { cwd: result.outDir, encoding: 'utf8', timeout: 10 * 60_000, env: { ...process.env, npm_config_cache: NPM_CACHE, CI: 'true' } });
      expect(broken.status).not.toBe(0);
      expect(`${broken.stdout}${broken.stderr}`).toMatch(/failed/);
    } finally {
      writeFileSync(file, original);
    }
  });
});
