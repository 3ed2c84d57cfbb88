import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DihyaEvent } from '../api/index.ts';
import { readAuditLog } from '../audit/index.ts';
import { tempCore } from '../test-support/temp-core.ts';
import { treeDigest, writeGeneratedOutput, writeTree } from './test-support/trees.ts';

let env: Awaited<ReturnType<typeof tempCore>>;
beforeEach(async () => {
  env = await tempCore();
});
// Removing a data dir that held 10 000 files takes a while on a busy disk.
afterEach(async () => {
  await env?.dispose();
}, 180_000);

const site = {
  'index.html': '<!doctype html><h1>Boulangerie Amel</h1>',
  'css/site.css': 'body { color: #333 }',
  'js/app.js': 'console.log("salam")',
  '.well-known/security.txt': 'Contact: mailto:security@example.org',
  'menu/pâtisseries.md': '# Pâtisseries\n',
  'empty.txt': '',
};

describe('publish → get', () => {
  it('round-trips a folder byte for byte (hidden files, accents, empty files and folders) and pins it', async () => {
    const out = join(env.dataDir, 'out');
    writeTree(out, site);
    mkdirSync(join(out, 'uploads'));
    const events: DihyaEvent[] = [];
    env.core.events.subscribe((event) => events.push(event));

    const published = await env.core.dispatch('publish.run', { path: out });
    expect(published.publication).toMatchObject({ kind: 'directory', fileCount: 6, profile: 'modern', pinned: true, hasLock: false, projectId: null });
    expect(published.publication.cid).toMatch(/^bafybei/);
    expect(published.publication.gatewayUrl).toBe(`https://ipfs.io/ipfs/${published.publication.cid}/`);
    expect(published.unchanged).toBe(false);
    expect(events).toContainEqual({ type: 'publication.recorded', publication: published.publication });

    const target = join(env.dataDir, 'fetched');
    const got = await env.core.dispatch('ipfs.get', { cid: published.publication.cid, outputPath: target });
    expect(got).toMatchObject({ kind: 'directory', fileCount: 6, sizeBytes: published.publication.sizeBytes });
    expect(treeDigest(target)).toEqual(treeDigest(out));

    const pins = await env.core.dispatch('ipfs.pins', {});
    expect(pins.items).toEqual([expect.objectContaining({ cid: published.publication.cid, origin: 'publication', publication: published.publication })]);

    await env.core.dispatch('ipfs.settings.set', { gatewayUrl: 'https://dweb.example.org/' });
    const link = await env.core.dispatch('publish.link', { cid: published.publication.cid });
    expect(link).toMatchObject({ gatewayUrl: `https://dweb.example.org/ipfs/${published.publication.cid}/`, ipfsUrl: `ipfs://${published.publication.cid}/` });
    expect(link.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  });

  it('gives unchanged output the same CID (one record), and changed output a new one', async () => {
    const out = join(env.dataDir, 'out');
    writeTree(out, site);
    const first = await env.core.dispatch('publish.run', { path: out });
    const again = await env.core.dispatch('publish.run', { path: out });
    expect(again.publication.cid).toBe(first.publication.cid);
    expect(again.unchanged).toBe(true);
    expect(again.publication.firstPublishedAt).toBe(first.publication.firstPublishedAt);
    expect((await env.core.dispatch('publish.list', {})).total).toBe(1);

    writeFileSync(join(out, 'index.html'), '<h1>Nouveau menu</h1>');
    const changed = await env.core.dispatch('publish.run', { path: out });
    expect(changed.publication.cid).not.toBe(first.publication.cid);
    expect((await env.core.dispatch('publish.list', {})).items.map((p) => p.cid)).toEqual([changed.publication.cid, first.publication.cid]);
  });

  it('publishes a 0-byte file and an empty folder with the CIDs Kubo gives them', async () => {
    const file = join(env.dataDir, 'zero.bin');
    writeFileSync(file, '');
    const zero = await env.core.dispatch('publish.run', { path: file, profile: 'legacy' });
    expect(zero.publication.cid).toBe('QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH');
    const back = join(env.dataDir, 'zero-back.bin');
    await env.core.dispatch('ipfs.get', { cid: zero.publication.cid, outputPath: back });
    expect(readFileSync(back).length).toBe(0);

    const folder = join(env.dataDir, 'nothing');
    mkdirSync(folder);
    const empty = await env.core.dispatch('publish.run', { path: folder, profile: 'legacy' });
    expect(empty.publication).toMatchObject({ cid: 'QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn', fileCount: 0, sizeBytes: 0 });
  });

  it('handles 10 000 tiny files in one folder (a sharded directory) and brings them all back', async () => {
    const out = join(env.dataDir, 'many');
    mkdirSync(out);
    for (let i = 0; i < 10_000; i += 1) writeFileSync(join(out, `f${String(i).padStart(5, '0')}.txt`), `${i}`);
    const published = await env.core.dispatch('publish.run', { path: out });
    expect(published.publication.fileCount).toBe(10_000);
    const target = join(env.dataDir, 'many-back');
    const got = await env.core.dispatch('ipfs.get', { cid: published.publication.cid, outputPath: target });
    expect(got.fileCount).toBe(10_000);
    expect(readdirSync(target).length).toBe(10_000);
    expect(readFileSync(join(target, 'f09999.txt'), 'utf8')).toBe('9999');
    expect((await env.core.dispatch('publish.run', { path: out })).publication.cid).toBe(published.publication.cid);
  }, 400_000);

  it('sends live progress events for a publication that names a task', async () => {
    const out = join(env.dataDir, 'out');
    writeTree(out, site);
    const progress: DihyaEvent[] = [];
    env.core.events.subscribe((event) => {
      if (event.type === 'progress') progress.push(event);
    });
    await env.core.dispatch('publish.run', { path: out, taskId: 'task-1' });
    expect(progress.at(-1)).toEqual({ type: 'progress', taskId: 'task-1', label: 'Publishing', done: 6, total: 6 });
  });
});

describe('publishing refuses, and records nothing', () => {
  async function nothingRecorded(): Promise<void> {
    expect((await env.core.dispatch('publish.list', {})).total).toBe(0);
    expect((await env.core.dispatch('ipfs.pins', {})).items).toEqual([]);
    expect((await readAuditLog(env.core.store.db)).filter((entry) => entry.action.startsWith('publish'))).toEqual([]);
  }

  it('a folder with a symbolic link (it could pull in files from outside the output)', async () => {
    const out = join(env.dataDir, 'out');
    writeTree(out, site);
    symlinkSync('/etc/hostname', join(out, 'leak'));
    await expect(env.core.dispatch('publish.run', { path: out })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('symbolic link') });
    await nothingRecorded();
  });

  it('a path where there is nothing', async () => {
    await expect(env.core.dispatch('publish.run', { path: join(env.dataDir, 'nope') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await nothingRecorded();
  });

  it('an output whose lock lists personal data, until the user confirms it is meant to be public', async () => {
    const out = join(env.dataDir, 'out');
    writeGeneratedOutput(out, { 'index.html': '<h1>CRM</h1>', 'seed/customers.json': '[{"name":"Amel","phone":"+213 555 0101"}]' }, { personalData: ['seed/customers.json'] });
    await expect(env.core.dispatch('publish.run', { path: out })).rejects.toMatchObject({
      code: 'CONFIRMATION_REQUIRED',
      message: expect.stringContaining('public'),
      details: { personalData: ['seed/customers.json'] },
    });
    await nothingRecorded();

    const confirmed = await env.core.dispatch('publish.run', { path: out, confirmPersonalData: true });
    expect(confirmed.lock).toEqual({ status: 'matches', problems: 0, personalData: ['seed/customers.json'] });
    const audit = (await readAuditLog(env.core.store.db)).find((entry) => entry.action === 'publish.run');
    expect(audit?.details).toMatchObject({ personalDataConfirmed: true });
    // The audit says what was published, never from where (a path can name the user).
    expect(JSON.stringify(audit)).not.toContain(env.dataDir);
  });

  it('a malformed or unknown CID, with the reason', async () => {
    await expect(env.core.dispatch('ipfs.get', { cid: 'not a cid!', outputPath: join(env.dataDir, 'x') })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(env.core.dispatch('ipfs.get', { cid: 'Qmabc', outputPath: join(env.dataDir, 'x') })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('not a valid CID') });
    await expect(env.core.dispatch('ipfs.unpin', { cid: 'bafyZZZ' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const unknown = 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku';
    await expect(env.core.dispatch('ipfs.get', { cid: unknown, outputPath: join(env.dataDir, 'x') })).rejects.toMatchObject({ code: 'NOT_FOUND', details: { reason: 'not-local' } });
    expect(readdirSync(env.dataDir)).not.toContain('x');
  });
});

describe('lock, pins and garbage collection', () => {
  it('reports whether the output still matches its lock file', async () => {
    const out = join(env.dataDir, 'out');
    writeGeneratedOutput(out, { 'index.html': 'v1', 'a.txt': 'a' });
    expect((await env.core.dispatch('publish.run', { path: out })).lock.status).toBe('matches');
    writeFileSync(join(out, 'a.txt'), 'edited by hand');
    expect((await env.core.dispatch('publish.run', { path: out })).lock).toEqual({ status: 'differs', problems: 1, personalData: [] });
  });

  it('keeps pinned blocks through GC, frees unpinned ones, and never an existing target', async () => {
    const a = join(env.dataDir, 'a');
    const b = join(env.dataDir, 'b');
    writeTree(a, { 'shared.txt': 'same bytes in both', 'only-a.txt': 'a' });
    writeTree(b, { 'shared.txt': 'same bytes in both', 'only-b.txt': 'b' });
    const pa = await env.core.dispatch('publish.run', { path: a });
    const pb = await env.core.dispatch('publish.run', { path: b });
    expect((await env.core.dispatch('ipfs.gc', {})).removedBlocks).toBe(0);

    await env.core.dispatch('ipfs.unpin', { cid: pa.publication.cid });
    expect((await env.core.dispatch('publish.list', {})).items.find((p) => p.cid === pa.publication.cid)?.pinned).toBe(false);
    const gc = await env.core.dispatch('ipfs.gc', {});
    expect(gc.removedBlocks).toBe(2); // a's root folder and only-a.txt; shared.txt stays for b
    await expect(env.core.dispatch('ipfs.get', { cid: pa.publication.cid, outputPath: join(env.dataDir, 'a-back') })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const target = join(env.dataDir, 'b-back');
    writeTree(target, { 'keep.txt': 'mine' });
    await expect(env.core.dispatch('ipfs.get', { cid: pb.publication.cid, outputPath: target })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(readFileSync(join(target, 'keep.txt'), 'utf8')).toBe('mine');
    await env.core.dispatch('ipfs.get', { cid: pb.publication.cid, outputPath: target, overwrite: true });
    expect(treeDigest(target)).toEqual(treeDigest(b));
    await expect(env.core.dispatch('ipfs.unpin', { cid: pa.publication.cid })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('starts the node only when asked, and stops it with the core', async () => {
    expect(await env.core.dispatch('ipfs.status', {})).toMatchObject({ state: 'stopped' });
    writeTree(join(env.dataDir, 'out'), site);
    await env.core.dispatch('publish.run', { path: join(env.dataDir, 'out') });
    expect(await env.core.dispatch('ipfs.status', {})).toMatchObject({ state: 'offline', addresses: [] });
    await env.core.services.publishing.dispose();
    expect(env.core.services.publishing.node.status().state).toBe('stopped');
  });
});
