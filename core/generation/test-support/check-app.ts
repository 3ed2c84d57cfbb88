import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The acceptance check of a stack: generate a project from a spec with the real CLI, then run
 * `npm install && npm test && npm run build` in it, untouched. Shared by the slow test in the
 * suite and by `npm run check:generated`.
 */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(REPO_ROOT, 'bin', 'dihya.js');

/** The project's own corpus and the shared one beside the repository (as CI has it). */
export const CORPORA = [join(REPO_ROOT, 'core', 'spec', 'corpus'), resolve(REPO_ROOT, '../shared/specs')];

/** One npm cache for every generated project, so each install after the first is mostly offline. */
export const NPM_CACHE = process.env.DIHYA_NPM_CACHE ?? join(process.env.npm_config_cache ?? join(homedir(), '.npm'));

export interface StepResult {
  step: 'generate' | 'install' | 'test' | 'build';
  ok: boolean;
  ms: number;
  /** The end of the output, to show why a step failed. */
  tail: string;
}

export interface AppCheck {
  spec: string;
  outDir: string;
  ok: boolean;
  steps: StepResult[];
}

function run(step: StepResult['step'], command: string, args: string[], cwd: string, timeoutMs: number): StepResult {
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, npm_config_cache: NPM_CACHE, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', CI: 'true', NODE_ENV: '' },
  });
  const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}`;
  return { step, ok: result.status === 0, ms: Math.round(performance.now() - started), tail: output.trim().split('\n').slice(-40).join('\n') };
}

/** Specs of both corpora (structured or prose), sorted; the expected-answer files are not specs. */
export function corpusSpecs(dirs: readonly string[] = CORPORA): string[] {
  const specs: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith('.expected.json') || /^README/i.test(name)) continue;
      if (/\.(md|txt|ya?ml|json)$/.test(name)) specs.push(join(dir, name));
    }
  }
  return specs;
}

export function checkGeneratedApp(spec: string, options: { workDir?: string; dataDir?: string; timeoutMs?: number } = {}): AppCheck {
  const work = options.workDir ?? join(tmpdir(), 'dihya-check-generated');
  const outDir = join(work, basename(spec).replace(/\.[^.]+$/, ''));
  const timeout = options.timeoutMs ?? 15 * 60_000;
  const steps: StepResult[] = [];
  const generate = run('generate', process.execPath, [BIN, '--data-dir', options.dataDir ?? join(work, '.dihya-data'), 'generate', spec, '-o', outDir, '--force'], REPO_ROOT, timeout);
  steps.push(generate);
  if (generate.ok) {
    for (const [step, args] of [['install', ['install', '--prefer-offline', '--no-audit', '--no-fund']], ['test', ['test']], ['build', ['run', 'build']]] as const) {
      const result = run(step, 'npm', [...args], outDir, timeout);
      steps.push(result);
      if (!result.ok) break;
    }
  }
  return { spec, outDir, ok: steps.length === 4 && steps.every((s) => s.ok), steps };
}
