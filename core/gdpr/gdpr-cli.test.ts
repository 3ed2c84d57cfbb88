import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from '../cli/exit-codes.ts';
import { runCli } from '../cli/run-cli.ts';
import { readZip } from '../test-support/read-zip.ts';
import { runBin } from '../test-support/run-bin.ts';
import { tempDir } from '../test-support/temp-core.ts';

const dirs: { remove(): void }[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});
function dir(): string {
  const d = tempDir('dihya-gdpr-cli-');
  dirs.push(d);
  return d.path;
}

async function cli(args: string[]) {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += `${t}\n`), err: (t: string) => void (io.stderr += `${t}\n`) };
  const status = await runCli(args, io, {});
  return { status, stdout: io.stdout, stderr: io.stderr };
}

describe('dihya audit', () => {
  it('verify exits 0 on an intact log and 11 naming the entry on a tampered one (the real bin, --json)', async () => {
    const data = join(dir(), 'data');
    for (const name of ['A', 'B', 'C']) expect((await cli(['--data-dir', data, 'projects', 'create', name])).status).toBe(0);
    const ok = runBin(['audit', 'verify', '--json', '--data-dir', data]);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, entries: 3, anchor: { state: 'matches' } });

    const raw = new BetterSqlite3(join(data, 'dihya.sqlite'));
    raw.prepare('delete from audit_log where seq = 2').run();
    raw.close();
    const bad = runBin(['audit', 'verify', '--json', '--data-dir', data]);
    expect(bad.status).toBe(EXIT.integrity);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, problem: { seq: 2, reason: 'removed' } });
    expect(JSON.parse(bad.stderr)).toMatchObject({ error: { code: 'INTEGRITY_FAILED', details: { seq: 2, reason: 'removed' } } });
    const human = await cli(['--data-dir', data, 'audit', 'verify']);
    expect(human.stdout).toContain('Audit log NOT intact: Entry #2 was removed. [removed at #2]');
  });

  it('lists entries with filters, newest first', async () => {
    const data = join(dir(), 'data');
    await cli(['--data-dir', data, 'projects', 'create', 'Alpha']);
    await cli(['--data-dir', data, 'projects', 'rename', 'Alpha', 'Beta']);
    const table = await cli(['--data-dir', data, 'audit', 'list']);
    expect(table.stdout.split('\n')[0]).toMatch(/^SEQ\s+AT \(UTC\)\s+ACTOR\s+ACTION\s+SUBJECT\s+DETAILS$/);
    expect(table.stdout.split('\n')[1]).toContain('project.rename');
    const json = JSON.parse((await cli(['--data-dir', data, '--json', 'audit', 'list', '--action', 'project.', '--search', 'Alpha', '--oldest'])).stdout) as { items: { action: string }[]; total: number };
    expect(json.items.map((i) => i.action)).toEqual(['project.create', 'project.rename']);
    expect(JSON.parse((await cli(['--data-dir', data, '--json', 'audit', 'list', '--action', 'project.rename'])).stdout)).toMatchObject({ total: 1 });
  });
});

describe('dihya gdpr', () => {
  it('exports to a zip, shows the plan without --yes, erases with it, and writes the report', async () => {
    const base = dir();
    const data = join(base, 'data');
    const created = JSON.parse((await cli(['--data-dir', data, '--json', 'projects', 'create', 'Boulangerie Amel'])).stdout) as { id: string };
    const out = join(base, 'me.zip');
    const exported = await cli(['--data-dir', data, 'gdpr', 'export', '--out', out]);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain(`to ${out}`);
    expect((await readZip(out)).get('data/projects.json')?.toString()).toContain('Boulangerie Amel');
    expect((await cli(['--data-dir', data, 'gdpr', 'export', '--out', out])).status).toBe(EXIT.conflict);

    const refused = await cli(['--data-dir', data, 'gdpr', 'erase', '--project', 'boulangerie amel']);
    expect(refused.status).toBe(EXIT.refused);
    expect(refused.stdout).toContain('This will permanently erase the project "Boulangerie Amel"');
    expect(refused.stderr).toContain('[CONFIRMATION_REQUIRED]');
    expect((await cli(['--data-dir', data, '--json', 'projects', 'list'])).stdout).toContain(created.id);

    expect((await cli(['--data-dir', data, 'gdpr', 'erase'])).status).toBe(EXIT.invalidInput);
    const report = join(base, 'report.md');
    const erased = await cli(['--data-dir', data, 'gdpr', 'erase', '--project', created.id, '--yes', '--report', report]);
    expect(erased.status).toBe(0);
    expect(erased.stdout).toContain('# Erasure report (GDPR Art. 17)');
    expect(readFileSync(report, 'utf8')).toContain('projects`: 1 row(s) deleted');
    expect((await cli(['--data-dir', data, '--json', 'projects', 'list'])).stdout).not.toContain(created.id);
    expect((await cli(['--data-dir', data, 'audit', 'verify'])).status).toBe(0);
    expect(existsSync(out)).toBe(true); // an export the user saved elsewhere is theirs
  });

  it('shows and changes retention, and applies it on demand', async () => {
    const data = join(dir(), 'data');
    expect((await cli(['--data-dir', data, 'gdpr', 'retention'])).stdout).toContain('audit entries:      365 days');
    const changed = await cli(['--data-dir', data, 'gdpr', 'retention', '--audit-days', '400', '--generation-days', '30', '--backup-days', 'policy', '--apply']);
    expect(changed.status).toBe(0);
    expect(changed.stdout).toContain('audit entries:      400 days');
    expect(changed.stdout).toContain('generation records: 30 days');
    expect(changed.stdout).toContain('Applied: 0 audit entries');
    expect((await cli(['--data-dir', data, 'gdpr', 'retention', '--log-days', 'ever'])).status).toBe(EXIT.invalidInput);
    expect((await cli(['--data-dir', data, 'gdpr', 'retention', '--generation-days', 'keep'])).stdout).toContain('while the project exists');
  });
});
