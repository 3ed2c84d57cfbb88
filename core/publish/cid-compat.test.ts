import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CID } from 'multiformats/cid';
import * as Digest from 'multiformats/hashes/digest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempCore } from '../test-support/temp-core.ts';
import { randomFile } from './test-support/trees.ts';

const KIB = 1024;
const CHUNK = 256 * KIB;
const LINKS = 174;
// Around the legacy chunk boundary, the 1 MiB modern chunk, and the 174-link boundary of the
// balanced layout (174 chunks fill one node; one byte more needs a second level).
const SIZES = [0, 1, 1000, CHUNK - 1, CHUNK, CHUNK + 1, 1024 * KIB, 1024 * KIB + 1, 3 * CHUNK + 17, 5_000_000, LINKS * CHUNK - 1, LINKS * CHUNK, LINKS * CHUNK + 1, 20_000_000];

function hasIpfsCid(): boolean {
  return spawnSync('ipfs_cid', [], { stdio: 'ignore' }).error === undefined;
}

/** Debian's `ipfs_cid` (package ipfs-cid, from rust-cid-npm) is an implementation independent of ours. */
function independentCid(file: string): string {
  const out = execFileSync('ipfs_cid', [file], { stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8' });
  return (JSON.parse(out) as { CIDv0: string }).CIDv0;
}

describe('legacy CIDs match an independent implementation (ipfs_cid)', () => {
  let env: Awaited<ReturnType<typeof tempCore>>;
  beforeAll(async () => {
    env = await tempCore();
  });
  afterAll(async () => {
    await env?.dispose();
  });

  it('has the ipfs_cid tool (apt-get install ipfs-cid; .ci/run installs it)', () => {
    expect(hasIpfsCid()).toBe(true);
  });

  it.each(SIZES)('a file of %i bytes', async (size) => {
    const file = join(env.dataDir, `file-${size}.bin`);
    writeFileSync(file, randomFile(size));
    const published = await env.core.dispatch('publish.run', { path: file, profile: 'legacy' });
    expect(published.publication.cid).toBe(independentCid(file));
    expect(published.publication).toMatchObject({ kind: 'file', sizeBytes: size, fileCount: 1, profile: 'legacy' });
  }, 60_000);

  it('gives the modern profile CIDv1 raw leaves, and a single chunk a raw CID', async () => {
    const file = join(env.dataDir, 'small.txt');
    writeFileSync(file, 'hello\n');
    const modern = await env.core.dispatch('publish.run', { path: file });
    // One chunk with raw leaves is the file's bytes as a raw block: CIDv1(raw, sha2-256(bytes)), built here from node:crypto.
    const digest = Digest.create(0x12, createHash('sha256').update('hello\n').digest());
    expect(modern.publication.cid).toBe(CID.createV1(0x55, digest).toString());
    expect(modern.publication.cid).toMatch(/^bafkrei/);
    expect(modern.publication.profile).toBe('modern');
  });
});
