import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore } from '../test-support/temp-core.ts';
import { treeDigest, writeGeneratedOutput } from './test-support/trees.ts';

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

function portIsClosed(address: string): Promise<boolean> {
  const [, , host, , port] = address.split('/');
  return new Promise((resolve) => {
    const socket = connect(Number(port), host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

const files = { 'index.html': '<h1>Coopérative</h1>', 'api/openapi.yaml': 'openapi: 3.1.0\n', 'data/big.bin': 'x'.repeat(3_000_000) };

describe('two Dihya nodes on loopback', () => {
  it('node B fetches what node A published, over bitswap, then checks its provenance', async () => {
    const out = join(a.dataDir, 'out');
    writeGeneratedOutput(out, files);
    const published = await a.core.dispatch('publish.run', { path: out });
    const status = await a.core.dispatch('ipfs.online', { listen: ['/ip4/127.0.0.1/tcp/0'] });
    expect(status.state).toBe('online');
    const address = status.addresses.find((addr) => addr.startsWith('/ip4/127.0.0.1/tcp/')) as string;
    expect(address).toContain(`/p2p/${status.peerId}`);

    // Bounded: bitswap and identify only — no DHT, no relay, nothing that finds or relays for strangers.
    const protocols = await a.core.services.publishing.node.use(async (node) => node.libp2p?.getProtocols() ?? []);
    expect(protocols.some((p) => p.startsWith('/ipfs/bitswap/'))).toBe(true);
    expect(protocols.filter((p) => /kad|relay|autonat|dcutr|mdns/.test(p))).toEqual([]);

    const target = join(b.dataDir, 'from-a');
    const got = await b.core.dispatch('ipfs.get', { cid: published.publication.cid, outputPath: target, peers: [address], timeoutMs: 30_000 });
    expect(got).toMatchObject({ kind: 'directory', fileCount: 4 });
    expect(treeDigest(target)).toEqual(treeDigest(out));
    // B went online only to fetch, and is not online any more.
    expect((await b.core.dispatch('ipfs.status', {})).state).not.toBe('online');

    const verified = await b.core.dispatch('publish.verify', { cid: published.publication.cid, peers: [address] });
    expect(verified).toMatchObject({ ok: true, fileCount: 3, problems: [] });
    expect(verified.rootHash).toBe(verified.lockRootHash);

    await a.dispose();
    expect(await portIsClosed(address)).toBe(true);
  });

  it('reports a published output whose files drifted from its lock', async () => {
    const out = join(a.dataDir, 'out');
    writeGeneratedOutput(out, files);
    writeFileSync(join(out, 'index.html'), '<h1>edited after generation</h1>');
    writeFileSync(join(out, 'extra.txt'), 'not generated');
    const published = await a.core.dispatch('publish.run', { path: out });
    expect(published.lock.status).toBe('differs');
    const verified = await a.core.dispatch('publish.verify', { cid: published.publication.cid });
    expect(verified.ok).toBe(false);
    expect(verified.problems).toEqual([
      { path: 'extra.txt', problem: 'unexpected' },
      { path: 'index.html', problem: 'modified' },
    ]);
  });

  it('gives clear errors for an unreachable peer, content no peer has, and content without a lock', async () => {
    const status = await a.core.dispatch('ipfs.online', {});
    const address = status.addresses[0] as string;
    await a.core.dispatch('ipfs.offline', {});
    expect(await portIsClosed(address)).toBe(true);
    const somewhere = 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy';
    await expect(b.core.dispatch('ipfs.get', { cid: somewhere, outputPath: join(b.dataDir, 'x'), peers: [address], timeoutMs: 5_000 })).rejects.toMatchObject({ code: 'REMOTE_FAILED', details: { reason: 'unreachable' } });

    const online = await a.core.dispatch('ipfs.online', {});
    await expect(b.core.dispatch('ipfs.get', { cid: somewhere, outputPath: join(b.dataDir, 'x'), peers: online.addresses, timeoutMs: 1_500 })).rejects.toMatchObject({ code: 'NOT_FOUND', details: { reason: 'timeout' } });
    await expect(b.core.dispatch('ipfs.get', { cid: somewhere, outputPath: join(b.dataDir, 'x'), peers: ['/not/a/multiaddr'] })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });

    const plain = join(a.dataDir, 'plain.txt');
    writeFileSync(plain, 'no provenance here');
    const published = await a.core.dispatch('publish.run', { path: plain });
    await expect(b.core.dispatch('publish.verify', { cid: published.publication.cid, peers: online.addresses })).rejects.toMatchObject({ code: 'NOT_FOUND', details: { reason: 'no-lock' } });
  });
});
