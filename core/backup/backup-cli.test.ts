import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../cli/exit-codes.ts';
import type { CliIo } from '../cli/output.ts';
import { runCli } from '../cli/run-cli.ts';
import { runBin } from '../test-support/run-bin.ts';
import { tempDir } from '../test-support/temp-core.ts';

const dirs: { remove(): void }[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});
function dataDir(): string {
  const dir = tempDir('dihya-backup-cli-');
  dirs.push(dir);
  return dir.path;
}

async function cli(dir: string, ...args: string[]) {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += `${t}\n`), err: (t: string) => void (io.stderr += `${t}\n`) } satisfies CliIo & { stdout: string; stderr: string };
  const status = await runCli(['--data-dir', dir, ...args], io, {});
  return { status, stdout: io.stdout, stderr: io.stderr, json: () => JSON.parse(io.stdout) as Record<string, unknown> };
}

describe('dihya backup', () => {
  it('create, list, verify, prune and restore, as scripts use them (--json) and as people read them', async () => {
    const dir = dataDir();
    await cli(dir, 'projects', 'create', 'Boulangerie Amel');
    const created = await cli(dir, '--json', 'backup', 'create');
    expect(created.status).toBe(EXIT.ok);
    const backup = (created.json() as { backup: { id: string; file: string } }).backup;
    await cli(dir, 'backup', 'create');

    const table = await cli(dir, 'backup', 'list');
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+CREATED \(UTC\)\s+KIND\s+SIZE\s+ENCRYPTED\s+STATE$/);
    expect(table.stdout).toContain(`${backup.id}  `);
    expect((await cli(dir, '--json', 'backup', 'list')).json()).toMatchObject({ items: [{ kind: 'manual' }, { id: backup.id }] });

    const verified = await cli(dir, 'backup', 'verify');
    expect(verified.status).toBe(EXIT.ok);
    expect(verified.stdout.match(/^ok {6}/gm)).toHaveLength(2);

    const dry = await cli(dir, '--json', 'backup', 'prune', '--keep-last', '1', '--dry-run');
    expect(dry.json()).toMatchObject({ dryRun: true, deleted: [{ id: backup.id }] });
    expect((await cli(dir, '--json', 'backup', 'list')).json().items).toHaveLength(2);

    const refused = await cli(dir, 'backup', 'restore', backup.id);
    expect(refused.status).toBe(EXIT.invalidInput);
    expect(refused.stderr).toContain('--yes');

    const target = join(dir, 'restored');
    const restored = await cli(dir, 'backup', 'restore', backup.id, '--into', target, '--yes');
    expect(restored.status).toBe(EXIT.ok);
    expect(restored.stdout).toContain(`--data-dir ${target}`);
    expect((await cli(target, '--json', 'projects', 'list')).json()).toMatchObject({ items: [{ name: 'Boulangerie Amel' }] });

    await cli(dir, 'projects', 'create', 'Added later');
    const inPlace = await cli(dir, '--json', 'backup', 'restore', backup.id, '--yes');
    expect(inPlace.json()).toMatchObject({ target: 'in-place', safetyBackup: { kind: 'safety' } });
    expect((await cli(dir, '--json', 'projects', 'list')).json()).toMatchObject({ total: 1 });
  });

  it('exits 9 for a damaged backup, 3 without a passphrase, 7 with a wrong one', async () => {
    const dir = dataDir();
    const passFile = join(dir, '..', `${dir.split('/').pop()}.pass`);
    writeFileSync(passFile, 'the right passphrase\n');
    const wrongFile = `${passFile}.wrong`;
    writeFileSync(wrongFile, 'not the right one');
    dirs.push({ remove: () => [passFile, wrongFile].forEach((f) => rmSync(f, { force: true })) });

    const sealed = (await cli(dir, '--json', 'backup', 'create', '--encrypt', '--passphrase-file', passFile)).json() as { backup: { id: string; encrypted: boolean } };
    expect(sealed.backup.encrypted).toBe(true);
    expect((await cli(dir, 'backup', 'verify', sealed.backup.id, '--passphrase-file', passFile)).status).toBe(EXIT.ok);
    expect((await cli(dir, 'backup', 'verify', sealed.backup.id)).status).toBe(EXIT.invalidInput);
    const wrong = await cli(dir, 'backup', 'verify', sealed.backup.id, '--passphrase-file', wrongFile);
    expect(wrong.status).toBe(EXIT.refused);
    expect(wrong.stdout).toContain('[WRONG_PASSPHRASE]');

    const plain = (await cli(dir, '--json', 'backup', 'create', '--no-encrypt')).json() as { backup: { id: string; file: string } };
    const bytes = readFileSync(plain.backup.file);
    bytes[100] = (bytes[100] as number) ^ 0x40;
    writeFileSync(plain.backup.file, bytes);
    const damaged = await cli(dir, 'backup', 'verify', plain.backup.id);
    expect(damaged.status).toBe(EXIT.backupUnusable);
    expect(damaged.stdout).toContain('[BACKUP_CORRUPT]');
    expect(damaged.stderr).toContain('[BACKUP_CORRUPT]');
  });

  it('works from the real bin', () => {
    const dir = dataDir();
    const created = runBin(['backup', 'create', '--json', '--data-dir', dir]);
    expect(created.status).toBe(0);
    const listed = runBin(['backup', 'list', '--json'], { DIHYA_DATA_DIR: dir });
    expect(JSON.parse(listed.stdout)).toMatchObject({ items: [{ id: (JSON.parse(created.stdout) as { backup: { id: string } }).backup.id }] });
  });
});

describe('dihya jobs', () => {
  it('adds, lists, runs and shows the history of a job; a bad schedule exits 3', async () => {
    const dir = dataDir();
    const added = await cli(dir, 'jobs', 'add', 'backup', '--name', 'Night copy', '--cron', '0 4 * * *', '--tz', 'UTC', '--options', '{"prune":false}');
    expect(added.status).toBe(EXIT.ok);
    expect(added.stdout).toContain('Scheduled "Night copy" (backup): At 04:00 (UTC)');
    const listed = await cli(dir, 'jobs', 'list');
    expect(listed.stdout).toMatch(/Night copy\s+backup\s+0 4 \* \* \* \(At 04:00, UTC\)/);
    expect(listed.stdout).toContain('never run');

    const run = await cli(dir, 'jobs', 'run', 'night copy');
    expect(run.status).toBe(EXIT.ok);
    expect(run.stdout).toMatch(/^Night copy: succeeded in [\d.]+ s — Backup dihya-.*written and verified\.$/m);
    const history = await cli(dir, '--json', 'jobs', 'history', 'Night copy');
    expect(history.json()).toMatchObject({ total: 1, items: [{ trigger: 'manual', status: 'succeeded' }] });
    expect((await cli(dir, '--json', 'backup', 'list')).json().items).toHaveLength(1);

    const off = await cli(dir, 'jobs', 'disable', 'Night copy');
    expect(off.stdout).toContain('"Night copy" is off.');
    const bad = await cli(dir, '--json', 'jobs', 'add', 'backup', '--cron', 'every night');
    expect(bad.status).toBe(EXIT.invalidInput);
    expect(JSON.parse(bad.stderr)).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'cron' }] } } });
    expect((await cli(dir, 'jobs', 'run', 'Nobody')).status).toBe(EXIT.notFound);
    expect((await cli(dir, 'jobs', 'rm', 'Night copy')).status).toBe(EXIT.ok);
  });
});
