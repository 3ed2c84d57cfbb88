import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../cli/exit-codes.ts';
import type { CliIo } from '../cli/output.ts';
import { createProgressPrinter, formatProgress } from '../cli/progress-bar.ts';
import { runCli } from '../cli/run-cli.ts';
import { gymModel } from '../codegen/test-support/models.ts';
import { runBin } from '../test-support/run-bin.ts';
import { tempDir } from '../test-support/temp-core.ts';

const dirs: { remove(): void }[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});
function dir(): string {
  const d = tempDir('dihya-gen-cli-');
  dirs.push(d);
  return d.path;
}

async function cli(args: string[]) {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += `${t}\n`), err: (t: string) => void (io.stderr += `${t}\n`) } satisfies CliIo & { stdout: string; stderr: string };
  const status = await runCli(args, io, {});
  return { status, stdout: io.stdout, stderr: io.stderr };
}

describe('dihya generate / verify', () => {
  it('generates from a spec file with the real bin, byte-identical twice, and verify catches a one-byte change', { timeout: 180_000 }, () => {
    const work = dir();
    const spec = join(work, 'gym.yaml');
    writeFileSync(spec, stringify(gymModel));
    const first = runBin(['--data-dir', join(work, 'data'), 'generate', spec, '-o', join(work, 'a')]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Generated \d+ files .* into .*\/a in \d+ ms/);
    const second = runBin(['--data-dir', join(work, 'data'), '--json', 'generate', spec, '-o', join(work, 'b')]);
    const lockA = JSON.parse(readFileSync(join(work, 'a', 'dihya.lock.json'), 'utf8')) as { rootHash: string };
    expect(JSON.parse(second.stdout).rootHash).toBe(lockA.rootHash);
    expect(readFileSync(join(work, 'b', 'dihya.lock.json'))).toEqual(readFileSync(join(work, 'a', 'dihya.lock.json')));

    expect(runBin(['--data-dir', join(work, 'data'), 'verify', join(work, 'a')]).status).toBe(0);
    appendFileSync(join(work, 'a', 'src', 'server', 'db.ts'), ' ');
    const changed = runBin(['--data-dir', join(work, 'data'), 'verify', join(work, 'a')]);
    expect(changed.status).toBe(EXIT.integrity);
    expect(changed.stdout).toContain('changed  src/server/db.ts');
  });

  it('dry-runs with a diff, refuses to overwrite hand edits, and overwrites with --force', async () => {
    const work = dir();
    const spec = join(work, 'gym.yaml');
    writeFileSync(spec, stringify(gymModel));
    const out = join(work, 'app');
    const data = ['--data-dir', join(work, 'data')];
    expect((await cli([...data, 'generate', spec, '-o', out])).status).toBe(EXIT.ok);
    writeFileSync(join(out, '.env.example'), 'PORT=1\n');
    const dry = await cli([...data, 'generate', spec, '-o', out, '--dry-run']);
    expect(dry.status).toBe(EXIT.ok);
    expect(dry.stdout).toContain('~ .env.example   ! changed by hand since the last generation');
    expect(dry.stdout).toContain('-PORT=1');
    expect(dry.stdout).toContain('nothing written');
    const refused = await cli([...data, 'generate', spec, '-o', out]);
    expect(refused.status).toBe(EXIT.conflict);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(join(out, '.env.example'), 'utf8')).toBe('PORT=1\n');
    expect((await cli([...data, 'generate', spec, '-o', out, '--force'])).status).toBe(EXIT.ok);
    expect(readFileSync(join(out, '.env.example'), 'utf8')).toContain('PORT=3000');
    const listed = await cli([...data, 'generations', 'list']);
    expect(listed.stdout.split('\n').filter((l) => / (succeeded|failed) /.test(l)).map((l) => l.split(/\s{2,}/)[1])).toEqual(['succeeded', 'failed', 'succeeded']);
  });

  it('says what is wrong with a spec', async () => {
    const work = dir();
    const spec = join(work, 'bad.yaml');
    writeFileSync(spec, 'name: X\ndomain: fitness\nlanguages: [en]\nentities: []\n');
    const result = await cli(['--data-dir', join(work, 'data'), 'generate', spec, '-o', join(work, 'out')]);
    expect(result.status).toBe(EXIT.invalidInput);
    expect(result.stderr).toContain('no entities');
    expect((await cli(['--data-dir', join(work, 'data'), 'generate', join(work, 'missing.yaml'), '-o', join(work, 'out')])).status).toBe(EXIT.notFound);
  });
});

describe('the progress bar', () => {
  it('draws a bar in place on a terminal and nothing when piped', () => {
    expect(formatProgress('Rendering files', 25, 100, 8)).toBe('Rendering files  [##------]  25/100');
    expect(formatProgress('Writing files', 0, 0, 4)).toBe('Writing files    [####] 0/0');
    const written: string[] = [];
    const tty = createProgressPrinter({ isTTY: true, write: (t) => written.push(t) }, true);
    tty.update('Rendering files', 1, 2);
    tty.update('Rendering files', 2, 2);
    tty.end();
    expect(written).toEqual([`\r${formatProgress('Rendering files', 1, 2)}`, `\r${formatProgress('Rendering files', 2, 2)}`, '\n']);
    const piped: string[] = [];
    const pipe = createProgressPrinter({ isTTY: false, write: (t) => piped.push(t) }, true);
    pipe.update('x', 1, 1);
    pipe.end();
    expect(piped).toEqual([]);
  });
});
