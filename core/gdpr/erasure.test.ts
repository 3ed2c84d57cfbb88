import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DihyaEvent } from '../api/index.ts';
import { readAuditLog } from '../audit/index.ts';
import { createCore } from '../host/index.ts';
import { readZip } from '../test-support/read-zip.ts';
import { seedGeneration } from '../test-support/seed-generation.ts';
import { tempCore, tempDir } from '../test-support/temp-core.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Every file under `dir`, its bytes lower-cased as latin1 so a needle matches in any case. */
function haystack(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push({ file: full, text: readFileSync(full).toString('latin1').toLowerCase() });
    }
  };
  walk(dir);
  return out;
}

function tracesOf(dir: string, needles: readonly string[]): string[] {
  const files = haystack(dir);
  return needles.flatMap((needle) => {
    const n = Buffer.from(needle.toLowerCase(), 'utf8').toString('latin1');
    return files.filter((f) => f.text.includes(n)).map((f) => `${needle} in ${f.file.slice(dir.length)}`);
  });
}

/** Two projects, each with personal data in every place Dihya keeps some today. */
async function twoProjects() {
  const env = await tempCore();
  cleanups.push(env.dispose);
  const out = tempDir('dihya-erase-out-');
  cleanups.push(() => out.remove());
  const { core, dataDir } = env;
  const events: DihyaEvent[] = [];
  core.events.subscribe((e) => events.push(e));
  const amel = await core.dispatch('projects.create', { name: 'Boulangerie Amel-7Q', description: 'Livraisons chez Yasmine Haddad, rue des Oliviers 12' });
  await core.dispatch('projects.rename', { id: amel.id, name: 'Boulangerie Amel-7Q Kouba' });
  // An error naming the project reaches the log (redacted, but a name is not a credential).
  await expect(core.dispatch('projects.create', { name: 'boulangerie amel-7q kouba' })).rejects.toMatchObject({ code: 'CONFLICT' });
  seedGeneration(core, amel.id, { outputDir: join(dataDir, 'outputs', amel.slug), files: { 'index.html': '<p>Recette secrète Zl9F2 de Yasmine Haddad</p>' }, model: { client: 'Yasmine Haddad' } });
  core.store.sqlite.prepare("insert into notifications (id, at, level, title, body) values ('n1', 'now', 'success', 'Generated', 'Boulangerie Amel-7Q Kouba is ready')").run();
  const nour = await core.dispatch('projects.create', { name: 'Atelier Nour-3X', description: 'Broderies de Salima Benali' });
  seedGeneration(core, nour.id, { outputDir: join(dataDir, 'outputs', nour.slug), files: { 'index.html': '<p>Atelier Nour-3X, Salima Benali</p>' } });
  const amelTraces = ['Boulangerie Amel-7Q', 'Yasmine Haddad', 'Zl9F2', 'rue des Oliviers', amel.id, amel.slug];
  const nourTraces = ['Atelier Nour-3X', 'Salima Benali', nour.id, nour.slug];
  return { core, dataDir, out: out.path, amel, nour, amelTraces, nourTraces, events };
}

describe('gdpr.erase (Art. 17)', () => {
  it('export → erase a project → no trace of it in the database files or the data directory; the export held it all', async () => {
    const { core, dataDir, out, amel, nour, amelTraces, nourTraces, events } = await twoProjects();
    expect(tracesOf(dataDir, amelTraces).length).toBeGreaterThan(0); // the test can see traces when they are there

    const exported = await core.dispatch('gdpr.export', { outPath: join(out, 'before.zip') });
    const archive = [...(await readZip(exported.path)).values()].map((b) => b.toString()).join('\n');
    for (const needle of [...amelTraces, ...nourTraces]) expect(archive, needle).toContain(needle);
    // A copy inside the data directory, which erasure must remove too.
    await core.dispatch('gdpr.export', {});

    const plan = await core.dispatch('gdpr.erasurePlan', { target: { scope: 'project', projectId: amel.id } });
    expect(plan).toMatchObject({ label: 'the project "Boulangerie Amel-7Q Kouba"', rows: { projects: 1, generations: 1, notifications: 1 } });
    expect(plan.auditEntriesToRedact).toBeGreaterThanOrEqual(2);
    expect(plan.files.count).toBe(2); // the generated page and the earlier export

    const report = await core.dispatch('gdpr.erase', { target: { scope: 'project', projectId: amel.id }, confirm: true });
    expect(report).toMatchObject({ deletedRows: { projects: 1, generations: 1, notifications: 1 }, removedFiles: 2, vacuumed: true, legacyAuditEntriesKept: 0 });
    expect(report.report).toContain('Erasure report');
    expect(events).toContainEqual({ type: 'project.deleted', id: amel.id });
    expect(events).toContainEqual({ type: 'gdpr.erased', erasureId: report.erasureId, scope: 'project' });

    expect(tracesOf(dataDir, amelTraces)).toEqual([]);
    expect(statSync(join(dataDir, 'dihya.sqlite-wal')).size).toBeLessThan(64 * 1024);
    // The other project is untouched, and the chain verifies through the emptied entries.
    expect(await core.dispatch('projects.get', { id: nour.id })).toMatchObject({ name: 'Atelier Nour-3X' });
    expect(tracesOf(dataDir, ['Atelier Nour-3X']).length).toBeGreaterThan(0);
    const verified = await core.dispatch('audit.verify', {});
    expect(verified).toMatchObject({ ok: true, redactedEntries: report.redactedAuditEntries, anchor: { state: 'matches' } });
    const log = await readAuditLog(core.store.db);
    expect(log.find((e) => e.seq === report.tombstoneSeq)).toMatchObject({ action: 'gdpr.erasure.tombstone', subject: null, details: { erasureId: report.erasureId, scope: 'project' } });
    expect(log.at(-1)).toMatchObject({ action: 'gdpr.erase', subject: null });

    const all = await core.dispatch('gdpr.erase', { target: { scope: 'all' }, confirm: true });
    expect(all.deletedRows).toMatchObject({ projects: 1, generations: 1 });
    expect(tracesOf(dataDir, [...amelTraces, ...nourTraces])).toEqual([]);
    expect(await core.dispatch('projects.list', {})).toEqual({ items: [], total: 0 });
    expect(await core.dispatch('audit.verify', {})).toMatchObject({ ok: true });
    expect(existsSync(join(dataDir, 'outputs', nour.slug))).toBe(false);
  });

  it('refuses without confirmation, and names an unknown project', async () => {
    const { core, amel } = await twoProjects();
    await expect(core.dispatch('gdpr.erase', { target: { scope: 'project', projectId: amel.id } } as never)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(core.dispatch('gdpr.erase', { target: { scope: 'project', projectId: '00000000-0000-4000-8000-000000000000' }, confirm: true })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await core.dispatch('projects.get', { id: amel.id })).toMatchObject({ id: amel.id });
  });

  it('leaves generated folders outside the data directory alone, and lists them', async () => {
    const { core, amel } = await twoProjects();
    const elsewhere = tempDir('dihya-user-output-');
    cleanups.push(() => elsewhere.remove());
    seedGeneration(core, amel.id, { outputDir: elsewhere.path, files: { 'README.md': '# mine' } });
    const report = await core.dispatch('gdpr.erase', { target: { scope: 'project', projectId: amel.id }, confirm: true });
    expect(report.outsideDataDir).toEqual([elsewhere.path]);
    expect(readFileSync(join(elsewhere.path, 'README.md'), 'utf8')).toBe('# mine');
    expect(report.report).toContain(elsewhere.path);
  });

  it('calls registered participants first, and lists the copies they cannot delete', async () => {
    const { core, amel } = await twoProjects();
    const seen: string[] = [];
    core.services.gdpr.registerErasureParticipant({
      name: 'ipfs',
      plan: async () => ({ localItems: 1, remoteCopies: [{ where: 'pinning.example', what: 'bafy…', action: 'unpin it there' }] }),
      erase: async (target) => {
        // Still able to read what belongs to the target.
        seen.push(String(core.store.sqlite.prepare('select count(*) from projects where id = ?').pluck().get(target.scope === 'project' ? target.projectId : '')));
        return { removed: 3, remoteCopies: [{ where: 'pinning.example', what: 'bafy…', action: 'unpin it there' }] };
      },
    });
    expect((await core.dispatch('gdpr.erasurePlan', { target: { scope: 'project', projectId: amel.id } })).remoteCopies).toContainEqual({ where: 'pinning.example', what: 'bafy…', action: 'unpin it there' });
    const report = await core.dispatch('gdpr.erase', { target: { scope: 'project', projectId: amel.id }, confirm: true });
    expect(seen).toEqual(['1']);
    expect(report.participants).toContainEqual({ name: 'ipfs', removed: 3, notes: [] });
    expect(report.report).toContain('pinning.example: bafy… — unpin it there');
  });
});

describe('restoring a backup taken before an erasure', () => {
  it('re-applies the erasure from its tombstone, once', async () => {
    const { core, dataDir, amel } = await twoProjects();
    const backup = tempDir('dihya-backup-');
    cleanups.push(() => backup.remove());
    core.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await core.store.sqlite.backup(join(backup.path, 'dihya.sqlite'));
    await core.dispatch('gdpr.erase', { target: { scope: 'project', projectId: amel.id }, confirm: true });
    const tombstones = core.services.gdpr.listErasureTombstones();
    expect(tombstones).toHaveLength(1);
    expect(JSON.stringify(tombstones)).not.toContain(amel.id);

    const restoredDir = tempDir('dihya-restored-');
    cleanups.push(() => restoredDir.remove());
    mkdirSync(restoredDir.path, { recursive: true });
    copyFileSync(join(backup.path, 'dihya.sqlite'), join(restoredDir.path, 'dihya.sqlite'));
    const restored = await createCore({ dataDir: restoredDir.path, mode: 'test' });
    cleanups.push(() => restored.dispose());
    expect(await restored.dispatch('projects.get', { id: amel.id })).toMatchObject({ id: amel.id });
    const reports = await restored.services.gdpr.reapplyErasures(tombstones, 'system');
    expect(reports).toHaveLength(1);
    await expect(restored.dispatch('projects.get', { id: amel.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await restored.services.gdpr.reapplyErasures(tombstones, 'system')).toEqual([]);
    expect(await restored.dispatch('audit.verify', {})).toMatchObject({ ok: true });
    expect(existsSync(dataDir)).toBe(true);
  });
});
