import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DihyaEvent } from '../api/index.ts';
import type { SecretStore } from '../common/index.ts';
import { createCore, type Core } from '../host/index.ts';
import { tempDir } from '../test-support/temp-core.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function open(dataDir?: string, ports: Parameters<typeof createCore>[1] = {}): Promise<{ core: Core; dataDir: string; events: DihyaEvent[] }> {
  let dir = dataDir;
  if (dir === undefined) {
    const temp = tempDir('dihya-backup-');
    cleanups.push(() => temp.remove());
    dir = temp.path;
  }
  const core = await createCore({ dataDir: dir, mode: 'test' }, ports);
  cleanups.push(() => core.dispose());
  const events: DihyaEvent[] = [];
  core.events.subscribe((e) => events.push(e));
  return { core, dataDir: dir, events };
}

async function names(core: Core): Promise<string[]> {
  return (await core.dispatch('projects.list', { limit: 10_000 })).items.map((p) => p.name).sort();
}

function memorySecrets(): SecretStore & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return { persistent: true, values, get: async (k) => values.get(k), set: async (k, v) => void values.set(k, v), delete: async (k) => void values.delete(k) };
}

describe('backups through the contract', () => {
  it('creates, lists, inspects and verifies a backup, and audits it', async () => {
    const { core, dataDir, events } = await open();
    await core.dispatch('projects.create', { name: 'Café du Port' });
    mkdirSync(join(dataDir, 'outputs', 'cafe'), { recursive: true });
    writeFileSync(join(dataDir, 'outputs', 'cafe', 'README.md'), '# Café\n');

    const created = await core.dispatch('backup.create', {});
    expect(created.backup).toMatchObject({ kind: 'manual', encrypted: false, verification: { status: 'verified', atCreation: true } });
    expect(created.backup.file.startsWith(join(dataDir, 'backups'))).toBe(true);
    expect(created.manifest).toMatchObject({ projects: 1, folders: ['outputs'], members: 2 });
    expect(events).toContainEqual({ type: 'backup.created', backup: created.backup });

    const listed = await core.dispatch('backup.list', {});
    expect(listed).toEqual({ destination: join(dataDir, 'backups'), items: [created.backup] });
    expect((await core.dispatch('backup.inspect', { file: created.backup.id })).manifest).toEqual(created.manifest);
    const verified = await core.dispatch('backup.verify', { file: created.backup.fileName });
    expect(verified).toMatchObject({ ok: true, integrity: 'ok', members: 2 });
    expect((await core.dispatch('backup.list', {})).items[0]?.verification).toMatchObject({ status: 'verified', atCreation: false });

    const actions = (await core.dispatch('audit.list', { limit: 100 })).items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['backup.create', 'backup.verify']));
    // The manifest records the audit head as the snapshot saw it: the entries before this backup.
    expect(created.manifest.audit.count).toBe(1);
  });

  it('records a failed re-verification, and pruning keeps the newest verified backup rather than a newer damaged one', async () => {
    const { core } = await open();
    const older = await core.dispatch('backup.create', {});
    const newer = await core.dispatch('backup.create', {});
    const bytes = readFileSync(newer.backup.file);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] as number) ^ 0xff;
    writeFileSync(newer.backup.file, bytes);
    await expect(core.dispatch('backup.verify', { file: newer.backup.id })).rejects.toMatchObject({ code: 'BACKUP_CORRUPT' });
    const listed = (await core.dispatch('backup.list', {})).items;
    expect(listed.map((b) => [b.id, b.verification.status])).toEqual([[newer.backup.id, 'failed'], [older.backup.id, 'verified']]);

    const pruned = await core.dispatch('backup.prune', { retention: { keepLast: 0, daily: 0, weekly: 0, monthly: 0 } });
    expect(pruned.kept.map((b) => b.id)).toEqual([older.backup.id]);
    expect(pruned.deleted.map((b) => b.id)).toEqual([newer.backup.id]);
    expect(existsSync(older.backup.file) && !existsSync(newer.backup.file)).toBe(true);
  });

  it('restores into a new data directory, atomically and completely', async () => {
    const { core, dataDir } = await open();
    await core.dispatch('projects.create', { name: 'Atelier Nour' });
    mkdirSync(join(dataDir, 'plugins', 'seo'), { recursive: true });
    writeFileSync(join(dataDir, 'plugins', 'seo', 'index.js'), 'export default {};\n', { mode: 0o755 });
    const { backup } = await core.dispatch('backup.create', {});

    const target = join(dataDir, '..', `${dataDir.split('/').pop()}-restored`);
    cleanups.push(() => rmSync(target, { recursive: true, force: true }));
    const result = await core.dispatch('backup.restore', { file: backup.file, dataDir: target, confirm: true });
    expect(result).toMatchObject({ target: 'new-dir', dataDir: target, safetyBackup: null });
    expect(readFileSync(join(target, 'plugins', 'seo', 'index.js'), 'utf8')).toBe('export default {};\n');
    expect(statSync(join(target, 'plugins', 'seo', 'index.js')).mode & 0o777).toBe(0o755);
    expect(readdirSync(join(target, '..')).filter((n) => n.startsWith('.dihya-tmp-'))).toEqual([]);
    const restored = await open(target);
    expect(await names(restored.core)).toEqual(['Atelier Nour']);

    await expect(core.dispatch('backup.restore', { file: backup.file, dataDir: target, confirm: true })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(core.dispatch('backup.restore', { file: backup.file } as never)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('restores in place after a safety backup: database, folders, jobs and audit anchor follow', async () => {
    const { core, dataDir, events } = await open();
    await core.dispatch('projects.create', { name: 'Before' });
    mkdirSync(join(dataDir, 'outputs', 'before'), { recursive: true });
    writeFileSync(join(dataDir, 'outputs', 'before', 'a.txt'), 'before');
    const { backup } = await core.dispatch('backup.create', {});

    await core.dispatch('projects.create', { name: 'After' });
    await core.dispatch('jobs.create', { kind: 'backup', name: 'Made after the backup' });
    writeFileSync(join(dataDir, 'outputs', 'before', 'a.txt'), 'changed');
    mkdirSync(join(dataDir, 'templates'), { recursive: true });
    writeFileSync(join(dataDir, 'templates', 'new.yaml'), 'x: 1');

    const result = await core.dispatch('backup.restore', { file: backup.id, confirm: true });
    expect(result.target).toBe('in-place');
    expect(await names(core)).toEqual(['Before']);
    expect(readFileSync(join(dataDir, 'outputs', 'before', 'a.txt'), 'utf8')).toBe('before');
    expect(existsSync(join(dataDir, 'templates'))).toBe(false);
    expect((await core.dispatch('jobs.list', {})).items).toEqual([]);
    expect(events.some((e) => e.type === 'backup.restored')).toBe(true);
    expect(readdirSync(join(dataDir, '.dihya-work'))).toEqual([]);

    // The chain is the restored one plus the restore's own entry, and the recorded head follows it.
    const audit = await core.dispatch('audit.verify', {});
    expect(audit.ok).toBe(true);
    expect(audit.anchor.state).toBe('matches');
    expect((await core.dispatch('audit.list', { limit: 100 })).items.map((e: { action: string }) => e.action)).toContain('backup.restore');

    // The safety backup holds exactly what was replaced.
    const safety = result.safetyBackup;
    expect(safety?.kind).toBe('safety');
    const target = join(dataDir, '..', `${dataDir.split('/').pop()}-safety`);
    cleanups.push(() => rmSync(target, { recursive: true, force: true }));
    await core.dispatch('backup.restore', { file: safety?.file ?? '', dataDir: target, confirm: true });
    const previous = await open(target);
    expect(await names(previous.core)).toEqual(['After', 'Before']);
    expect(readFileSync(join(target, 'outputs', 'before', 'a.txt'), 'utf8')).toBe('changed');
    expect((await previous.core.dispatch('jobs.list', {})).items.map((j) => j.name)).toEqual(['Made after the backup']);
  });

  it('refuses a backup from a newer Dihya and leaves everything as it was', async () => {
    const { core } = await open();
    await core.dispatch('projects.create', { name: 'Kept' });
    core.store.sqlite.prepare("insert into kysely_migration (name, timestamp) values ('9999-from-the-future', 'x')").run();
    const { backup } = await core.dispatch('backup.create', {});
    core.store.sqlite.prepare("delete from kysely_migration where name = '9999-from-the-future'").run();
    await core.dispatch('projects.create', { name: 'Also kept' });
    await expect(core.dispatch('backup.restore', { file: backup.id, confirm: true })).rejects.toMatchObject({ code: 'BACKUP_UNSUPPORTED' });
    expect(await names(core)).toEqual(['Also kept', 'Kept']);
  });

  it('completes a backup while the app keeps writing every 10 ms', async () => {
    const { core } = await open();
    const insert = core.store.sqlite.prepare('insert into settings (key, value_json, updated_at) values (?, ?, ?)');
    core.store.sqlite.transaction(() => {
      for (let i = 0; i < 20_000; i += 1) insert.run(`filler-${i}`, JSON.stringify({ text: 'x'.repeat(400) }), 'now');
    })();
    let written = 0;
    const failures: unknown[] = [];
    const writer = setInterval(() => {
      core.dispatch('projects.create', { name: `Busy ${written++}` }).catch((error: unknown) => failures.push(error));
    }, 10);
    let created;
    try {
      created = await core.dispatch('backup.create', {});
    } finally {
      clearInterval(writer);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(failures).toEqual([]);
    expect(written).toBeGreaterThan(0);
    expect(created.manifest.projects).toBeLessThanOrEqual(written);
    await expect(core.dispatch('backup.verify', { file: created.backup.id })).resolves.toMatchObject({ ok: true });
  });

  it('encrypts with a passphrase kept only in the shell\'s secret store', async () => {
    const secrets = memorySecrets();
    const { core, dataDir } = await open(undefined, { secrets });
    await expect(core.dispatch('backup.settings.set', { encrypt: true })).rejects.toMatchObject({ code: 'PASSPHRASE_REQUIRED' });
    const passphrase = 'a passphrase only the keychain knows';
    const settings = await core.dispatch('backup.settings.set', { encrypt: true, passphrase });
    expect(settings).toMatchObject({ encrypt: true, passphraseAvailable: true, canStorePassphrase: true });
    const { backup } = await core.dispatch('backup.create', {});
    expect(backup.encrypted).toBe(true);
    await expect(core.dispatch('backup.verify', { file: backup.id })).resolves.toMatchObject({ ok: true });
    await expect(core.dispatch('backup.verify', { file: backup.id, passphrase: 'some other passphrase' })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });

    expect(secrets.values.get('backup.passphrase')).toBe(passphrase);
    for (const file of readdirSync(dataDir).filter((n) => n.startsWith('dihya.sqlite'))) {
      expect(readFileSync(join(dataDir, file)).includes(Buffer.from(passphrase))).toBe(false);
    }
    expect(readFileSync(backup.file).includes(Buffer.from(passphrase))).toBe(false);
  });
});
