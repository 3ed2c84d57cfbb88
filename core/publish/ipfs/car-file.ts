import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CID } from 'multiformats/cid';
import { AppError } from '../../common/index.ts';
import { blockKey } from './cid.ts';
import { ipfsModules } from './ipfs-modules.ts';
import { pathError } from './path-errors.ts';
import type { RunningNode } from './ipfs-node.ts';

async function readBlock(node: RunningNode, cid: CID, signal?: AbortSignal): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of node.helia.blockstore.get(cid, { signal })) chunks.push(chunk);
  return chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks);
}

async function linksOf(node: RunningNode, cid: CID, bytes: Uint8Array): Promise<CID[]> {
  const m = await ipfsModules();
  if (cid.code === 0x55) return []; // raw leaves have no links
  const block = await m.createBlock({ bytes, cid, codec: await node.helia.getCodec(cid.code), hasher: await node.helia.getHasher(cid.multihash.code) });
  return [...block.links()].map(([, link]) => link as CID);
}

/** Every block of a DAG, root first then depth-first, each once. */
export async function* walkBlocks(node: RunningNode, root: CID, signal?: AbortSignal): AsyncGenerator<{ cid: CID; bytes: Uint8Array }> {
  const seen = new Set<string>();
  const pending: CID[] = [root];
  while (pending.length > 0) {
    const cid = pending.pop() as CID;
    const key = blockKey(cid);
    if (seen.has(key)) continue;
    seen.add(key);
    const bytes = await readBlock(node, cid, signal);
    yield { cid, bytes };
    const links = await linksOf(node, cid, bytes);
    for (let i = links.length - 1; i >= 0; i -= 1) pending.push(links[i] as CID);
  }
}

async function writeAtomically(target: string, write: (path: string) => Promise<void>): Promise<number> {
  const output = resolve(target);
  const staging = join(dirname(output), `.${basename(output)}.partial-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(dirname(output), { recursive: true });
    await write(staging);
    const { size } = await stat(staging);
    await rename(staging, output);
    return size;
  } catch (error) {
    await rm(staging, { force: true });
    throw pathError(error, output);
  }
}

/** Writes a CARv1 of the DAG under `root` (read from this node only), as `ipfs dag export` does. */
export async function exportCar(node: RunningNode, root: CID, target: string): Promise<{ path: string; blocks: number; bytes: number }> {
  const m = await ipfsModules();
  let blocks = 0;
  const bytes = await writeAtomically(target, async (staging) => {
    const { writer, out } = m.CarWriter.create([root]);
    const sink = pipeline(Readable.from(out), createWriteStream(staging));
    try {
      for await (const block of walkBlocks(node, root)) {
        await writer.put(block);
        blocks += 1;
      }
    } finally {
      await writer.close();
    }
    await sink;
  });
  return { path: resolve(target), blocks, bytes };
}

export interface ImportedCar {
  roots: CID[];
  /** Blocks reachable from each root (base32 multihashes), for the pin records. */
  blocksByRoot: Map<string, Set<string>>;
  blockCount: number;
}

function integrity(message: string, details: Record<string, unknown>): AppError {
  return new AppError('INTEGRITY_FAILED', message, details);
}

/**
 * Imports a CAR file in one pass: every block is checked against its CID before it is stored,
 * every root must be present and the DAG complete. On any failure the blocks this import added are
 * removed again, so a bad CAR leaves the node as it was.
 */
export async function importCar(node: RunningNode, path: string): Promise<ImportedCar> {
  const m = await ipfsModules();
  const where = resolve(path);
  try {
    await stat(where);
  } catch {
    throw new AppError('NOT_FOUND', `There is no CAR file at ${where}.`, { path: where });
  }
  const added: CID[] = [];
  const links = new Map<string, string[]>();
  try {
    let iterator;
    try {
      iterator = await m.CarBlockIterator.fromIterable(createReadStream(where));
    } catch (error) {
      throw integrity(`${where} is not a CAR file (${(error as Error).message}).`, { path: where });
    }
    const roots = await iterator.getRoots();
    if (roots.length === 0) throw integrity(`${where} names no root; there is nothing to restore.`, { path: where });
    let index = 0;
    try {
      for await (const { cid, bytes } of iterator) {
        index += 1;
        let block;
        try {
          const hasher = await node.helia.getHasher(cid.multihash.code);
          const codec = await node.helia.getCodec(cid.code);
          block = await m.createBlock({ bytes, cid, codec, hasher });
        } catch (error) {
          throw integrity(`Block ${index} of ${where} (${cid.toString()}) does not match its hash or cannot be read (${(error as Error).message}); the CAR is damaged or was tampered with. Nothing was imported.`, { path: where, block: index, cid: cid.toString() });
        }
        const key = blockKey(cid);
        if (links.has(key)) continue;
        links.set(key, [...block.links()].map(([, link]) => blockKey(link as CID)));
        if (!(await node.helia.blockstore.has(cid))) {
          await node.helia.blockstore.put(cid, bytes);
          added.push(cid);
        }
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw integrity(`${where} is truncated or malformed after block ${index} (${(error as Error).message}). Nothing was imported.`, { path: where, block: index });
    }
    const blocksByRoot = new Map<string, Set<string>>();
    for (const root of roots) {
      const reachable = reachableFrom(blockKey(root), links, root, where);
      blocksByRoot.set(root.toString(), reachable);
    }
    return { roots, blocksByRoot, blockCount: links.size };
  } catch (error) {
    for (const cid of added) await Promise.resolve(node.helia.blockstore.delete(cid)).catch(() => undefined);
    throw error;
  }
}

function reachableFrom(start: string, links: ReadonlyMap<string, string[]>, root: CID, where: string): Set<string> {
  if (!links.has(start)) throw integrity(`The root ${root.toString()} named by ${where} is not in the file; nothing was imported.`, { path: where, root: root.toString() });
  const seen = new Set<string>();
  const pending = [start];
  while (pending.length > 0) {
    const key = pending.pop() as string;
    if (seen.has(key)) continue;
    const children = links.get(key);
    if (children === undefined) {
      throw integrity(`${where} is incomplete: a block under ${root.toString()} is missing, so its files cannot be restored. Nothing was imported.`, { path: where, root: root.toString() });
    }
    seen.add(key);
    pending.push(...children);
  }
  return seen;
}
