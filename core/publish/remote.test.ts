import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RemotePin } from '../api/index.ts';
import { readAuditLog } from '../audit/index.ts';
import { fixedClock } from '../common/index.ts';
import { createCore, type Core } from '../host/index.ts';
import { tempDir } from '../test-support/temp-core.ts';
import { BACKOFF } from './remote/backoff.ts';
import { startKuboStub } from './test-support/kubo-rpc-stub.ts';
import { startPinningServiceStub } from './test-support/pinning-service-stub.ts';
import { writeTree } from './test-support/trees.ts';

const TOKEN = 'psa-token-5f1e0c2d9a7b4e6f8a1c3b5d7e9f0a2b';
const cleanups: (() => Promise<void> | void)[] = [];
let core: Core;
let dataDir: string;
const clock = fixedClock(new Date('2026-03-01T10:00:00Z'));

beforeEach(async () => {
  const dir = tempDir('dihya-remote-');
  dataDir = dir.path;
  core = await createCore({ dataDir, mode: 'test' }, { clock });
  cleanups.push(() => dir.remove(), () => core.dispose());
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function publishSample(profile: 'modern' | 'legacy' = 'modern'): Promise<string> {
  const out = join(dataDir, `out-${profile}`);
  writeTree(out, { 'index.html': '<h1>Épicerie</h1>', 'assets/logo.svg': '<svg/>', 'big.bin': Buffer.alloc(1_500_000, 3) });
  return (await core.dispatch('publish.run', { path: out, profile })).publication.cid;
}

/** Everything a token could leak into: the audit log, the app log files, outputs and events. */
async function expectTokenNowhere(seen: unknown[]): Promise<void> {
  expect(JSON.stringify(await readAuditLog(core.store.db))).not.toContain(TOKEN);
  for (const value of seen) expect(JSON.stringify(value)).not.toContain(TOKEN);
  const logs = join(dataDir, 'logs');
  for (const file of readdirSafe(logs)) expect(readFileSync(join(logs, file), 'utf8')).not.toContain(TOKEN);
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

describe('Kubo RPC remote', () => {
  it('adds the files with matching settings, checks the CID, and pins it there (both profiles)', async () => {
    const kubo = await startKuboStub();
    cleanups.push(() => kubo.close());
    const remote = await core.dispatch('ipfs.remotes.add', { name: 'My Kubo', kind: 'kubo', endpoint: kubo.url });
    for (const profile of ['modern', 'legacy'] as const) {
      const cid = await publishSample(profile);
      const pin = await core.dispatch('ipfs.remotes.pin', { remoteId: remote.id, cid });
      expect(pin).toMatchObject({ status: 'pinned', cid, remoteName: 'My Kubo', lastError: null, nextAttemptAt: null });
      expect(kubo.pinned.has(cid)).toBe(true);
    }
  });

  it('queues a pin the remote failed (500, timeout, wrong CID) with a clear error and backoff, and retries it', async () => {
    const kubo = await startKuboStub('error500');
    cleanups.push(() => kubo.close());
    const remote = await core.dispatch('ipfs.remotes.add', { name: 'flaky', kind: 'kubo', endpoint: kubo.url });
    const cid = await publishSample();

    const failed = await core.dispatch('ipfs.remotes.pin', { remoteId: remote.id, cid });
    expect(failed).toMatchObject({ status: 'queued', attempts: 1, lastError: { code: 'REMOTE_FAILED', message: expect.stringContaining('HTTP 500: failed to add: repo is locked') } });
    expect(failed.nextAttemptAt).toBe(new Date(clock.now().getTime() + BACKOFF.firstMs).toISOString());

    kubo.setMode('lie');
    const lied = await core.dispatch('ipfs.remotes.pin', { remoteId: remote.id, cid });
    expect(lied).toMatchObject({ status: 'queued', attempts: 2, lastError: { code: 'INTEGRITY_FAILED', message: expect.stringContaining(`for content whose CID is ${cid}`) } });
    expect(kubo.pinned.size).toBe(0);
    expect(lied.nextAttemptAt).toBe(new Date(clock.now().getTime() + 2 * BACKOFF.firstMs).toISOString());

    kubo.setMode('hang');
    const slow = await core.dispatch('ipfs.remotes.pin', { remoteId: remote.id, cid, timeoutMs: 500 });
    expect(slow).toMatchObject({ status: 'queued', attempts: 3, lastError: { code: 'REMOTE_FAILED', message: expect.stringContaining('did not answer in time') } });

    // Nothing is due before the backoff elapses; `all` retries anyway — and the remote is back.
    kubo.setMode('ok');
    expect((await core.dispatch('ipfs.remotes.retry', {})).attempted).toBe(0);
    const retried = await core.dispatch('ipfs.remotes.retry', { all: true });
    expect(retried.items).toEqual([expect.objectContaining({ cid, status: 'pinned', lastError: null })]);
    expect(kubo.pinned.has(cid)).toBe(true);
    expect((await core.dispatch('ipfs.remotes.pins', { status: 'queued' })).items).toEqual([]);
  });

  it('refuses to pin what this node does not hold, without queueing it', async () => {
    const kubo = await startKuboStub();
    cleanups.push(() => kubo.close());
    const remote = await core.dispatch('ipfs.remotes.add', { name: 'k', kind: 'kubo', endpoint: kubo.url });
    await expect(core.dispatch('ipfs.remotes.pin', { remoteId: remote.id, cid: 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await core.dispatch('ipfs.remotes.pins', {})).items).toEqual([]);
  });
});

describe('Pinning Service API remote', () => {
  it('requests the pin with the bearer token and polls its status until pinned', async () => {
    const service = await startPinningServiceStub(TOKEN);
    cleanups.push(() => service.close());
    const seen: unknown[] = [];
    core.events.subscribe((event) => seen.push(event));
    const remote = await core.dispatch('ipfs.remotes.add', { name: 'Service', kind: 'pinning-service', endpoint: service.url, token: TOKEN });
    seen.push(remote, await core.dispatch('ipfs.remotes.list', {}));
    expect(remote.hasToken).toBe(true);
    const cid = await publishSample();
    const pin = await core.dispatch('ipfs.remotes.pin', { remoteId: remote.id, cid });
    seen.push(pin);
    expect(pin).toMatchObject({ status: 'pinned', cid, lastError: null });
    expect(service.requests).toEqual([expect.objectContaining({ cid, polls: 2 })]);
    await expectTokenNowhere(seen);
  });

  it('queues on 500, on timeout and on an answer about another CID; records a service-side failure', async () => {
    const service = await startPinningServiceStub(TOKEN, 'error500');
    cleanups.push(() => service.close());
    const remote = await core.dispatch('ipfs.remotes.add', { name: 'svc', kind: 'pinning-service', endpoint: service.url, token: TOKEN });
    const cid = await publishSample();
    const outcomes: RemotePin[] = [];

    outcomes.push(await core.dispatch('ipfs.remotes.pin', { remoteId: remote.id, cid }));
    expect(outcomes.at(-1)).toMatchObject({ status: 'queued', lastError: { code: 'REMOTE_FAILED', message: expect.stringContaining('HTTP 500 (INTERNAL_SERVER_ERROR: database unavailable)') } });
    service.setMode('hang');
    outcomes.push(await core.dispatch('ipfs.remotes.pin', { remoteId: remote.id, cid, timeoutMs: 500 }));
    expect(outcomes.at(-1)).toMatchObject({ status: 'queued', lastError: { message: expect.stringContaining('did not answer in time') } });
    service.setMode('lie');
    outcomes.push(await core.dispatch('ipfs.remotes.pin', { remoteId: remote.id, cid }));
    expect(outcomes.at(-1)).toMatchObject({ status: 'queued', attempts: 3, lastError: { code: 'INTEGRITY_FAILED' } });
    service.setMode('fail');
    outcomes.push(await core.dispatch('ipfs.remotes.pin', { remoteId: remote.id, cid }));
    expect(outcomes.at(-1)).toMatchObject({ status: 'failed', lastError: { message: expect.stringContaining('content could not be found on the network') } });
    await expectTokenNowhere(outcomes);
  });

  it('scrubs the token from what a remote echoes back when it refuses it', async () => {
    const service = await startPinningServiceStub('the-right-token-which-we-do-not-have');
    cleanups.push(() => service.close());
    const remote = await core.dispatch('ipfs.remotes.add', { name: 'wrong token', kind: 'pinning-service', endpoint: service.url, token: TOKEN });
    const cid = await publishSample();
    const pin = await core.dispatch('ipfs.remotes.pin', { remoteId: remote.id, cid });
    expect(pin).toMatchObject({ status: 'queued', lastError: { code: 'REMOTE_FAILED', message: expect.stringContaining('HTTP 401') } });
    expect(pin.lastError?.message).toContain('Check the access token');
    await expectTokenNowhere([pin, await core.dispatch('ipfs.remotes.pins', {})]);
  });

  it('refuses to send a token over plain http to another machine, or credentials inside the URL', async () => {
    await expect(core.dispatch('ipfs.remotes.add', { name: 'x', kind: 'pinning-service', endpoint: 'http://pins.example.com/psa', token: TOKEN })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('https') });
    await expect(core.dispatch('ipfs.remotes.add', { name: 'y', kind: 'kubo', endpoint: 'https://user:secret@kubo.example.com' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await core.dispatch('ipfs.remotes.list', {})).items).toEqual([]);
    const added = await core.dispatch('ipfs.remotes.add', { name: 'z', kind: 'pinning-service', endpoint: 'https://pins.example.com/psa', token: TOKEN });
    await expect(core.dispatch('ipfs.remotes.add', { name: 'Z', kind: 'kubo', endpoint: 'http://127.0.0.1:5001' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await core.dispatch('ipfs.remotes.remove', { id: added.id })).toEqual({ id: added.id, removed: true });
  });
});
