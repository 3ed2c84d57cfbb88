import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readAuditLog } from '../audit/index.ts';
import { readZip } from '../test-support/read-zip.ts';
import { seedGeneration } from '../test-support/seed-generation.ts';
import { tempCore, tempDir } from '../test-support/temp-core.ts';
import { quoteIdent, tablesInStore } from './data-catalog.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const GITHUB = 'ghp_R4nd0mV4lu3sF0rT3st1ngOnlyAbCdEfGh1234';

async function populated() {
  const env = await tempCore();
  cleanups.push(env.dispose);
  const out = tempDir('dihya-export-out-');
  cleanups.push(() => out.remove());
  const { core } = env;
  const amel = await core.dispatch('projects.create', { name: 'Boulangerie Amel', description: 'Commandes en ligne pour amel@example.dz' });
  await core.dispatch('projects.create', { name: 'Atelier Nour' });
  const generationId = seedGeneration(core, amel.id, { outputDir: join(env.dataDir, 'outputs', 'boulangerie-amel'), files: { 'index.html': '<h1>Boulangerie Amel</h1>', 'src/app.ts': 'export {};\n' } });
  await core.dispatch('gdpr.retention.set', { logDays: 30 });
  // A feature's configuration holding a credential, as sync settings will.
  core.store.sqlite.prepare("insert into settings (key, value_json, updated_at) values ('sync.github', ?, 'now')").run(JSON.stringify({ owner: 'amel-dev', token: GITHUB }));
  return { ...env, out: out.path, amel, generationId };
}

describe('gdpr.export (Art. 15, 20)', () => {
  it('holds every table with personal data, the generated folders and the logs, each file in the manifest with its sha256', async () => {
    const { core, dataDir, out, amel, generationId } = await populated();
    const before = Object.fromEntries(tablesInStore(core.store.sqlite).map((t) => [t.entry.table, core.store.sqlite.prepare(`select count(*) from ${quoteIdent(t.entry.table)}`).pluck().get() as number]));
    const result = await core.dispatch('gdpr.export', { outPath: join(out, 'mine.zip') });
    expect(result).toMatchObject({ path: join(out, 'mine.zip'), generatedFolders: 1 });
    const files = await readZip(result.path);
    expect(createHash('sha256').update(await import('node:fs').then((fs) => fs.readFileSync(result.path))).digest('hex')).toBe(result.sha256);

    // The manifest: every other file, with the right size and hash.
    const manifest = JSON.parse(files.get('manifest.json')!.toString()) as { format: string; files: { path: string; sha256: string; bytes: number }[]; auditHead: { seq: number } };
    expect(manifest.format).toBe('dihya-gdpr-export/1');
    expect(manifest.files.map((f) => f.path).sort()).toEqual([...files.keys()].filter((p) => p !== 'manifest.json').sort());
    for (const entry of manifest.files) {
      const bytes = files.get(entry.path)!;
      expect(entry.bytes).toBe(bytes.length);
      expect(entry.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(files.size).toBe(result.files);

    // Table-driven: every exportable table that exists, with all its rows; internal tables left out.
    const exported = tablesInStore(core.store.sqlite).filter((t) => t.entry.export === 'rows').map((t) => t.entry.table);
    expect(exported).toEqual(expect.arrayContaining(['projects', 'generations', 'settings', 'audit_log']));
    for (const table of exported) {
      const rows = JSON.parse(files.get(`data/${table}.json`)!.toString()) as unknown[];
      // The export's own audit entry is appended after the snapshot.
      expect(rows.length, table).toBe(before[table]);
    }
    expect(files.has('data/kysely_migration.json')).toBe(false);

    const projects = JSON.parse(files.get('data/projects.json')!.toString()) as { id: string; name: string; description: string }[];
    expect(projects.find((p) => p.id === amel.id)).toMatchObject({ name: 'Boulangerie Amel', description: 'Commandes en ligne pour amel@example.dz' });
    const generations = JSON.parse(files.get('data/generations.json')!.toString()) as { id: string; model: unknown }[];
    expect(generations[0]).toMatchObject({ id: generationId, model: {} });
    expect(files.get(`generated/boulangerie-amel/${generationId}/index.html`)?.toString()).toBe('<h1>Boulangerie Amel</h1>');
    expect(files.get(`generated/boulangerie-amel/${generationId}/src/app.ts`)?.toString()).toBe('export {};\n');
    expect(files.get('logs/dihya.log')?.toString()).toContain('core started');

    // Credentials never leave, even from the user's own settings; the rest is theirs, unmasked.
    const all = [...files.values()].map((b) => b.toString()).join('\n');
    expect(all).not.toContain(GITHUB);
    const settings = JSON.parse(files.get('data/settings.json')!.toString()) as { key: string; value: unknown }[];
    expect(settings.find((s) => s.key === 'sync.github')?.value).toEqual({ owner: 'amel-dev', token: '[REDACTED]' });
    expect(settings.find((s) => s.key === 'gdpr.retention')?.value).toMatchObject({ logDays: 30 });

    const readme = files.get('README.md')!.toString();
    for (const path of files.keys()) if (path !== 'README.md') expect(readme).toContain(`\`${path}\``);
    expect(existsSync(join(dataDir, 'exports'))).toBe(false);
  });

  it('is audited without the path, refuses to overwrite unless told, and over HTTP writes only into the data directory', async () => {
    const { core, dataDir, out } = await populated();
    const path = join(out, 'again.zip');
    const first = await core.dispatch('gdpr.export', { outPath: path });
    const entry = (await readAuditLog(core.store.db)).at(-1);
    expect(entry).toMatchObject({ action: 'gdpr.export', details: { files: first.files, sha256: first.sha256 } });
    expect(JSON.stringify(entry)).not.toContain(out);

    await expect(core.dispatch('gdpr.export', { outPath: path })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(core.dispatch('gdpr.export', { outPath: path, overwrite: true })).resolves.toMatchObject({ path });
    await expect(core.dispatch('gdpr.export', { outPath: 'relative.zip' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(core.dispatch('gdpr.export', { outPath: join(out, 'x.txt') })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });

    await expect(core.dispatch('gdpr.export', { outPath: join(out, 'http.zip') }, { actor: 'http' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const viaHttp = await core.dispatch('gdpr.export', {}, { actor: 'http' });
    expect(viaHttp.path.startsWith(join(dataDir, 'exports'))).toBe(true);
    expect(readdirSync(join(dataDir, 'exports')).filter((f) => f.includes('partial'))).toEqual([]);
  });
});
