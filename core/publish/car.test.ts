import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CarBufferReader } from '@ipld/car/buffer-reader';
import { CarWriter } from '@ipld/car/writer';
import { CID } from 'multiformats/cid';
import * as Digest from 'multiformats/hashes/digest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore } from '../test-support/temp-core.ts';
import { treeDigest, writeTree } from './test-support/trees.ts';

let a: Awaited<ReturnType<typeof tempCore>>;
let b: Awaited<ReturnType<typeof tempCore>>;
beforeEach(async () => {
  a = await tempCore();
  b = await tempCore();
});
afterEach(async () => {
  await a?.dispose();
  await b?.dispose();
});

const MARKER = 'UNIQUE-MARKER-0123456789';

async function publishWithCar(profile: 'modern' | 'legacy' = 'modern') {
  const out = join(a.dataDir, 'out');
  writeTree(out, { 'index.html': `<p>${MARKER}</p>`, 'big.bin': Buffer.alloc(3 * 1024 * 1024 + 5, 7), 'sub/readme.md': '# hi', 'sub/empty.txt': '' });
  const carPath = join(a.dataDir, 'export', 'site.car');
  const published = await a.core.dispatch('publish.run', { path: out, profile, carPath });
  return { out, carPath, published };
}

async function writeCar(path: string, roots: CID[], blocks: { cid: CID; bytes: Uint8Array }[]): Promise<void> {
  const { writer, out } = CarWriter.create(roots);
  const chunks: Uint8Array[] = [];
  const collecting = (async () => {
    for await (const chunk of out) chunks.push(chunk);
  })();
  for (const block of blocks) await writer.put(block);
  await writer.close();
  await collecting;
  writeFileSync(path, Buffer.concat(chunks));
}

async function nothingRecorded(core: typeof b.core): Promise<void> {
  expect((await core.dispatch('ipfs.pins', {})).items).toEqual([]);
  // Blocks a refused import had written were taken back: there is nothing for GC to remove.
  expect((await core.dispatch('ipfs.gc', {})).removedBlocks).toBe(0);
}

describe('CAR export', () => {
  it.each(['modern', 'legacy'] as const)('writes a CARv1 (%s CIDs) whose root and every block hash check out with @ipld/car', async (profile) => {
    const { carPath, published } = await publishWithCar(profile);
    expect(published.car).toMatchObject({ path: carPath, bytes: readFileSync(carPath).length });
    const reader = CarBufferReader.fromBytes(readFileSync(carPath));
    expect(reader.version).toBe(1);
    expect(reader.getRoots().map(String)).toEqual([published.publication.cid]);
    const blocks = reader.blocks();
    expect(blocks.length).toBe(published.car?.blocks);
    for (const block of blocks) {
      expect(block.cid.multihash.code).toBe(0x12);
      expect(Buffer.from(block.cid.multihash.digest).equals(createHash('sha256').update(block.bytes).digest())).toBe(true);
    }
    const pin = (await a.core.dispatch('ipfs.pins', {})).items[0];
    expect(pin?.blockCount).toBe(blocks.length);
  });

  it('exports a pinned CID on its own, and refuses one this node does not hold', async () => {
    const { published } = await publishWithCar();
    const again = await a.core.dispatch('ipfs.car.export', { cid: published.publication.cid, outputPath: join(a.dataDir, 'again.car') });
    expect(again.blocks).toBe(published.car?.blocks);
    const unknown = CID.createV1(0x55, Digest.create(0x12, createHash('sha256').update('never published').digest())).toString();
    await expect(a.core.dispatch('ipfs.car.export', { cid: unknown, outputPath: join(a.dataDir, 'x.car') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(() => readFileSync(join(a.dataDir, 'x.car'))).toThrow();
  });
});

describe('CAR import', () => {
  it('restores the files on another node and pins the root', async () => {
    const { out, carPath, published } = await publishWithCar();
    const target = join(b.dataDir, 'restored');
    const imported = await b.core.dispatch('ipfs.car.import', { path: carPath, outputPath: target });
    expect(imported.roots).toEqual([published.publication.cid]);
    expect(imported.restored).toMatchObject({ kind: 'directory', fileCount: 4 });
    expect(treeDigest(target)).toEqual(treeDigest(out));
    expect((await b.core.dispatch('ipfs.pins', {})).items).toEqual([expect.objectContaining({ cid: published.publication.cid, origin: 'car-import', publication: null })]);
    // And the same content published there gives the same CID.
    expect((await b.core.dispatch('publish.run', { path: target })).publication.cid).toBe(published.publication.cid);
  });

  it('refuses a CAR with a block whose bytes do not match its hash, and keeps nothing of it', async () => {
    const { carPath } = await publishWithCar();
    const bytes = readFileSync(carPath);
    const at = bytes.indexOf(MARKER);
    expect(at).toBeGreaterThan(0);
    bytes[at] = bytes[at] === 0x55 ? 0x56 : 0x55;
    const tampered = join(b.dataDir, 'tampered.car');
    writeFileSync(tampered, bytes);
    await expect(b.core.dispatch('ipfs.car.import', { path: tampered, outputPath: join(b.dataDir, 'never') })).rejects.toMatchObject({ code: 'INTEGRITY_FAILED', message: expect.stringContaining('does not match its hash') });
    await nothingRecorded(b.core);
  });

  it('refuses a CAR whose root is not in it, one with a missing block, and a file that is no CAR', async () => {
    const { carPath, published } = await publishWithCar();
    const blocks = CarBufferReader.fromBytes(readFileSync(carPath)).blocks();
    const absent = CID.createV1(0x55, Digest.create(0x12, createHash('sha256').update('absent').digest()));

    const noRoot = join(b.dataDir, 'no-root.car');
    await writeCar(noRoot, [absent], blocks);
    await expect(b.core.dispatch('ipfs.car.import', { path: noRoot })).rejects.toMatchObject({ code: 'INTEGRITY_FAILED', message: expect.stringContaining('is not in the file') });
    await nothingRecorded(b.core);

    const holey = join(b.dataDir, 'holey.car');
    await writeCar(holey, [CID.parse(published.publication.cid)], blocks.slice(0, -1));
    await expect(b.core.dispatch('ipfs.car.import', { path: holey })).rejects.toMatchObject({ code: 'INTEGRITY_FAILED', message: expect.stringContaining('incomplete') });
    await nothingRecorded(b.core);

    const junk = join(b.dataDir, 'junk.car');
    writeFileSync(junk, 'this is not a CAR file at all');
    await expect(b.core.dispatch('ipfs.car.import', { path: junk })).rejects.toMatchObject({ code: 'INTEGRITY_FAILED' });
    const truncated = join(b.dataDir, 'truncated.car');
    writeFileSync(truncated, readFileSync(carPath).subarray(0, 2000));
    await expect(b.core.dispatch('ipfs.car.import', { path: truncated })).rejects.toMatchObject({ code: 'INTEGRITY_FAILED' });
    await nothingRecorded(b.core);
    await expect(b.core.dispatch('ipfs.car.import', { path: join(b.dataDir, 'missing.car') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
