import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CID } from 'multiformats/cid';
import * as Digest from 'multiformats/hashes/digest';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-core.ts';
import { ipfsModules } from './ipfs-modules.ts';
import { SMALL_BLOCK_BYTES, TieredBlockstore } from './tiered-blockstore.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const rawCid = (bytes: Uint8Array) => CID.createV1(0x55, Digest.create(0x12, createHash('sha256').update(bytes).digest()));

async function store() {
  const dir = tempDir('dihya-tiered-');
  cleanups.push(() => dir.remove());
  const { FsBlockstore } = await ipfsModules();
  const files = new FsBlockstore(join(dir.path, 'blocks'));
  await files.open();
  const blocks = new TieredBlockstore(join(dir.path, 'small-blocks.sqlite'), files);
  cleanups.push(() => blocks.close());
  return { dir: dir.path, blocks };
}

async function read(blocks: TieredBlockstore, cid: CID): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of blocks.get(cid)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function filesUnder(root: string): string[] {
  return readdirSync(root).flatMap((name) => (statSync(join(root, name)).isDirectory() ? filesUnder(join(root, name)) : [join(root, name)]));
}

describe('the tiered blockstore', () => {
  it('keeps small blocks in SQLite and large ones as files, and reads, lists and deletes both alike', async () => {
    const { dir, blocks } = await store();
    const small = randomBytes(SMALL_BLOCK_BYTES);
    const large = randomBytes(SMALL_BLOCK_BYTES + 1);
    const [smallCid, largeCid] = [rawCid(small), rawCid(large)];
    // Put together, as the importer does; each put resolves once it is committed.
    await Promise.all([blocks.put(smallCid, small), blocks.put(largeCid, large)]);
    const committed = new BetterSqlite3(join(dir, 'small-blocks.sqlite'), { readonly: true });
    expect(committed.prepare('select cid from blocks').pluck().all()).toEqual([smallCid.toString()]);
    committed.close();
    expect(filesUnder(join(dir, 'blocks'))).toHaveLength(1);

    expect(await read(blocks, smallCid)).toEqual(small);
    expect(await read(blocks, largeCid)).toEqual(large);
    expect([await blocks.has(smallCid), await blocks.has(largeCid)]).toEqual([true, true]);
    const listed: string[] = [];
    for await (const pair of blocks.getAll()) listed.push(pair.cid.multihash.toString());
    expect(listed.sort()).toEqual([smallCid.multihash.toString(), largeCid.multihash.toString()].sort());

    for await (const cid of blocks.deleteMany([smallCid, largeCid])) void cid;
    expect([await blocks.has(smallCid), await blocks.has(largeCid)]).toEqual([false, false]);
    await expect(read(blocks, smallCid)).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('serves a block put in this turn of the event loop, before its commit', async () => {
    const { blocks } = await store();
    const bytes = randomBytes(100);
    const cid = rawCid(bytes);
    const put = blocks.put(cid, bytes);
    expect(await blocks.has(cid)).toBe(true);
    expect(await read(blocks, cid)).toEqual(bytes);
    await put;
  });

  it('leaves no byte of a deleted block in any file once compacted', async () => {
    const { dir, blocks } = await store();
    const marker = Buffer.from(`erase-me-${randomBytes(8).toString('hex')}`);
    const doomed = Buffer.concat([marker, randomBytes(5_000)]);
    const kept = randomBytes(3_000);
    await Promise.all([blocks.put(rawCid(doomed), doomed), blocks.put(rawCid(kept), kept)]);
    expect(filesUnder(dir).some((file) => readFileSync(file).includes(marker))).toBe(true);
    await blocks.delete(rawCid(doomed));
    blocks.compact();
    expect(filesUnder(dir).filter((file) => readFileSync(file).includes(marker))).toEqual([]);
    expect(await read(blocks, rawCid(kept))).toEqual(kept);
  });
});
