import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../host/index.ts';
import { tempCore, tempDir } from '../test-support/temp-core.ts';
import { writeTree } from './test-support/trees.ts';

let a: Awaited<ReturnType<typeof tempCore>>;
let b: Awaited<ReturnType<typeof tempCore>>;
beforeEach(async () => {
  a = await tempCore();
  b = await tempCore();
});
afterEach(async () => {
  await b?.dispose();
  await a?.dispose();
});

const PASSPHRASE = 'correct horse battery staple, in Tamazight';

describe('backups through IPFS', () => {
  it('refuses an unencrypted backup and records nothing', async () => {
    await a.core.dispatch('backup.create', { encrypt: false });
    await expect(a.core.dispatch('publish.backup', {})).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('not encrypted'), details: { reason: 'unencrypted' } });
    expect((await a.core.dispatch('ipfs.pins', {})).items).toEqual([]);
    expect((await a.core.dispatch('publish.list', {})).total).toBe(0);
  });

  it('publishes an encrypted backup; another node fetches it by CID and restores it', async () => {
    const project = await a.core.dispatch('projects.create', { name: 'Coopérative Tiwizi' });
    const created = await a.core.dispatch('backup.create', { encrypt: true, passphrase: PASSPHRASE });
    const published = await a.core.dispatch('publish.backup', {});
    expect(published.backup).toEqual({ id: created.backup.id, fileName: created.backup.fileName });
    expect(published.publication).toMatchObject({ kind: 'directory', fileCount: 1 });
    expect((await a.core.dispatch('ipfs.pins', {})).items).toEqual([expect.objectContaining({ cid: published.publication.cid, origin: 'backup' })]);

    const online = await a.core.dispatch('ipfs.online', {});
    const fetched = await b.core.dispatch('ipfs.backup.fetch', { cid: published.publication.cid, peers: online.addresses, timeoutMs: 60_000 });
    expect(fetched.fileName).toBe(created.backup.fileName);
    expect(fetched.verified).toBe(false); // B does not know the passphrase: restore asks for it
    expect(existsSync(fetched.file)).toBe(true);
    expect((await b.core.dispatch('backup.list', {})).items.map((x) => x.fileName)).toContain(created.backup.fileName);

    const target = tempDir('dihya-restored-');
    try {
      await b.core.dispatch('backup.restore', { file: fetched.fileName, passphrase: PASSPHRASE, dataDir: join(target.path, 'data'), confirm: true });
      const restored = await createCore({ dataDir: join(target.path, 'data'), mode: 'test' });
      try {
        expect(await restored.dispatch('projects.get', { id: project.id })).toMatchObject({ name: 'Coopérative Tiwizi' });
      } finally {
        await restored.dispose();
      }
    } finally {
      target.remove();
    }

    await expect(b.core.dispatch('ipfs.backup.fetch', { cid: published.publication.cid, peers: online.addresses })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('runs a scheduled publish job through the scheduler registry', async () => {
    const out = join(a.dataDir, 'site');
    writeTree(out, { 'index.html': '<h1>Scheduled</h1>' });
    const kinds = await a.core.dispatch('jobs.kinds', {});
    expect(kinds.items.map((k) => k.kind)).toContain('publish');
    const job = await a.core.dispatch('jobs.create', { kind: 'publish', options: { path: out } });
    await a.core.dispatch('jobs.run', { id: job.id, wait: true });
    const [publication] = (await a.core.dispatch('publish.list', {})).items;
    expect(publication).toMatchObject({ kind: 'directory', fileCount: 1, pinned: true });
    const history = await a.core.dispatch('jobs.history', { jobId: job.id });
    expect(history.items[0]).toMatchObject({ status: 'succeeded' });
  });
});
