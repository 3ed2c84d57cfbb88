import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore } from '../test-support/temp-core.ts';
import { treeDigest, writeTree } from './test-support/trees.ts';

let env: Awaited<ReturnType<typeof tempCore>>;
beforeEach(async () => {
  env = await tempCore();
});
afterEach(async () => {
  await env?.dispose();
});

/** Every file under `root` whose bytes contain `needle` (the blockstore, its datastore, everything). */
function filesHolding(root: string, needle: string): string[] {
  const bytes = Buffer.from(needle);
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (readFileSync(path).includes(bytes)) found.push(path);
    }
  };
  walk(root);
  return found;
}

/** Two projects, each with a published site carrying its own marker; A's CID also pinned remotely. */
async function twoPublishedProjects() {
  const a = await env.core.dispatch('projects.create', { name: 'Boulangerie Amel' });
  const b = await env.core.dispatch('projects.create', { name: 'Atelier Nour' });
  const markerA = `amel-${randomBytes(8).toString('hex')}`;
  const markerB = `nour-${randomBytes(8).toString('hex')}`;
  const shared = '/* the same stylesheet in both sites */ body { margin: 0 }';
  const outA = join(env.dataDir, 'out-a');
  const outB = join(env.dataDir, 'out-b');
  writeTree(outA, { 'index.html': `<h1>${markerA}</h1>`, 'clients.csv': `name\n${markerA} Yasmine\n`, 'site.css': shared, 'photo.bin': Buffer.concat([Buffer.from(markerA), randomBytes(3 << 20)]) });
  writeTree(outB, { 'index.html': `<h1>${markerB}</h1>`, 'site.css': shared });
  const pubA = (await env.core.dispatch('publish.run', { path: outA, projectId: a.id, confirmPersonalData: true })).publication;
  const pubB = (await env.core.dispatch('publish.run', { path: outB, projectId: b.id })).publication;
  // As the remote pin service records a pin it asked a pinning service for.
  const at = '2026-11-24T00:00:00.000Z';
  env.core.store.sqlite.prepare(`insert into ipfs_remotes (id, name, name_key, kind, endpoint, token, created_at) values ('r1', 'Pinata', 'pinata', 'pinning-service', 'https://pins.example.org', 'secret-token', ?)`).run(at);
  env.core.store.sqlite.prepare(`insert into ipfs_remote_pins (id, remote_id, cid, status, attempts, created_at, updated_at) values ('p1', 'r1', ?, 'pinned', 1, ?, ?)`).run(pubA.cid, at, at);
  return { a, b, markerA, markerB, outB, pubA, pubB };
}

describe('erasure reaches the IPFS store', () => {
  it('unpins a project\'s publications and collects its blocks: no byte of it stays, the other project\'s site still serves', async () => {
    const { a, markerA, markerB, outB, pubA, pubB } = await twoPublishedProjects();
    const ipfsDir = join(env.dataDir, 'ipfs');
    expect(filesHolding(ipfsDir, markerA).length).toBeGreaterThan(0);
    // The record of processing (Art. 30) names the store, now that it holds something.
    expect((await env.core.dispatch('gdpr.processingRecord', {})).markdown).toContain('| `ipfs/` |');

    const plan = await env.core.dispatch('gdpr.erasurePlan', { target: { scope: 'project', projectId: a.id } });
    expect(plan.remoteCopies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ where: 'the IPFS network', what: pubA.cid }),
        expect.objectContaining({ where: 'Pinata (https://pins.example.org)', what: pubA.cid }),
      ]),
    );
    expect(plan.remoteCopies.map((c) => c.what)).not.toContain(pubB.cid);
    expect(plan.localCopies).toEqual([{ name: 'ipfs', items: 1 }]);

    const report = await env.core.dispatch('gdpr.erase', { target: { scope: 'project', projectId: a.id }, confirm: true });
    const ipfs = report.participants.find((p) => p.name === 'ipfs');
    expect(ipfs?.removed).toBeGreaterThan(0);
    expect(report.report).toContain(pubA.cid);
    expect(report.report).toContain('Pinata');
    expect(JSON.stringify(report)).not.toContain('secret-token');

    expect(filesHolding(ipfsDir, markerA)).toEqual([]);
    expect((await env.core.dispatch('ipfs.pins', {})).items.map((p) => p.cid)).toEqual([pubB.cid]);
    // The stylesheet both sites share is kept for the other one, which still comes back whole.
    const fetched = join(env.dataDir, 'fetched-b');
    await env.core.dispatch('ipfs.get', { cid: pubB.cid, outputPath: fetched });
    expect(treeDigest(fetched)).toEqual(treeDigest(outB));
    expect(filesHolding(ipfsDir, markerB).length).toBeGreaterThan(0);
  });

  it('empties the store for --all, and lists every published CID', async () => {
    const { markerA, markerB, pubA, pubB } = await twoPublishedProjects();
    const report = await env.core.dispatch('gdpr.erase', { target: { scope: 'all' }, confirm: true });
    expect(report.remoteCopies.map((c) => c.what)).toEqual(expect.arrayContaining([pubA.cid, pubB.cid]));
    const ipfsDir = join(env.dataDir, 'ipfs');
    expect(filesHolding(ipfsDir, markerA)).toEqual([]);
    expect(filesHolding(ipfsDir, markerB)).toEqual([]);
    expect((await env.core.dispatch('ipfs.pins', {})).items).toEqual([]);
  });

  it('creates no IPFS store for someone who never published', async () => {
    const project = await env.core.dispatch('projects.create', { name: 'Jamais publié' });
    const report = await env.core.dispatch('gdpr.erase', { target: { scope: 'project', projectId: project.id }, confirm: true });
    expect(report.participants).toContainEqual({ name: 'ipfs', removed: 0, notes: [] });
    expect(readdirSync(env.dataDir)).not.toContain('ipfs');
  });
});
