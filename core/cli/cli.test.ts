import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBin } from '../test-support/run-bin.ts';
import { tempDir } from '../test-support/temp-core.ts';
import { EXIT } from './exit-codes.ts';
import type { CliIo } from './output.ts';
import { runCli } from './run-cli.ts';

function captureIo(): CliIo & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += `${t}\n`), err: (t: string) => void (io.stderr += `${t}\n`) };
  return io;
}

const dirs: { remove(): void }[] = [];
function dataDir(): string {
  const dir = tempDir('dihya-cli-');
  dirs.push(dir);
  return dir.path;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const io = captureIo();
  const status = await runCli(args, io, env);
  return { status, stdout: io.stdout, stderr: io.stderr };
}

describe('dihya CLI (the real bin)', () => {
  it('round-trips projects create then list through SQLite, as JSON', () => {
    const dir = dataDir();
    const created = runBin(['projects', 'create', 'Demo', '--json', '--data-dir', dir]);
    expect(created.status).toBe(0);
    const project = JSON.parse(created.stdout) as { id: string; name: string };
    expect(project.name).toBe('Demo');

    const listed = runBin(['projects', 'list', '--json'], { DIHYA_DATA_DIR: dir });
    expect(listed.status).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual({ items: [expect.objectContaining({ id: project.id, name: 'Demo' })], total: 1 });
    expect(readFileSync(join(dir, 'dihya.sqlite')).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('prints its version and help without touching a data directory', () => {
    const version = runBin(['--version'], { DIHYA_DATA_DIR: '/nonexistent/never-created' });
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = runBin(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('projects');
    expect(help.stdout).toContain('serve');
    expect(help.stdout).toContain('Exit codes');
  });
});

describe('dihya CLI (in-process)', () => {
  it('shows a human table, and a hint when there is nothing', async () => {
    const dir = dataDir();
    expect((await cli(['--data-dir', dir, 'projects', 'list'])).stdout).toContain('No projects yet');
    await cli(['--data-dir', dir, 'projects', 'create', 'Boulangerie Amel', '-d', 'Commandes en ligne']);
    const table = await cli(['--data-dir', dir, 'projects', 'list']);
    expect(table.status).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^NAME\s+SLUG\s+UPDATED\s+ID$/);
    expect(table.stdout).toContain('Boulangerie Amel  boulangerie-amel');
  });

  it('renames and removes by name or id', async () => {
    const dir = dataDir();
    const created = JSON.parse((await cli(['--data-dir', dir, '--json', 'projects', 'create', 'Old name'])).stdout) as { id: string };
    expect((await cli(['--data-dir', dir, 'projects', 'rename', 'old NAME', 'New name'])).status).toBe(0);
    const removed = await cli(['--data-dir', dir, '--json', 'projects', 'rm', created.id]);
    expect(JSON.parse(removed.stdout)).toEqual({ id: created.id, deleted: true });
    expect((await cli(['--data-dir', dir, '--json', 'projects', 'list'])).stdout).toContain('"total": 0');
  });

  it('exits with documented codes and clear messages', async () => {
    const dir = dataDir();
    await cli(['--data-dir', dir, 'projects', 'create', 'Twice']);
    const conflict = await cli(['--data-dir', dir, 'projects', 'create', 'twice']);
    expect(conflict.status).toBe(EXIT.conflict);
    expect(conflict.stderr).toContain('A project named "twice" already exists. [CONFLICT]');

    const missing = await cli(['--data-dir', dir, 'projects', 'rm', 'Nobody']);
    expect(missing.status).toBe(EXIT.notFound);
    expect(missing.stderr).toContain('No project is named "Nobody"');

    const invalid = await cli(['--data-dir', dir, '--json', 'projects', 'create', '   ']);
    expect(invalid.status).toBe(EXIT.invalidInput);
    expect(JSON.parse(invalid.stderr)).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'name' }] } } });

    expect((await cli(['projects', 'explode'])).status).toBe(EXIT.usage);
    expect((await cli(['--no-such-flag'])).status).toBe(EXIT.usage);
  });

  it('refuses a corrupt database with STORE_CORRUPT and leaves the file untouched', async () => {
    const dir = dataDir();
    const file = join(dir, 'dihya.sqlite');
    const garbage = Buffer.from('this is not a database, but it is the user file\n'.repeat(200));
    writeFileSync(file, garbage);
    const result = await cli(['--data-dir', dir, 'projects', 'list']);
    expect(result.status).toBe(EXIT.store);
    expect(result.stderr).toContain('[STORE_CORRUPT]');
    expect(result.stderr).toContain(file);
    expect(readFileSync(file).equals(garbage)).toBe(true);
  });

  it('refuses a data directory path that is a file', async () => {
    const dir = dataDir();
    const notADir = join(dir, 'file');
    writeFileSync(notADir, 'x');
    const result = await cli(['--data-dir', notADir, 'projects', 'list']);
    expect(result.status).toBe(EXIT.store);
    expect(result.stderr).toContain(notADir);
  });
});
