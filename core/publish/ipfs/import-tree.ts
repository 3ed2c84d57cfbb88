import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { CID } from 'multiformats/cid';
import type { CidProfile } from '../../api/index.ts';
import { AppError } from '../../common/index.ts';
import { blockKey } from './cid.ts';
import { ipfsModules, type IpfsModules } from './ipfs-modules.ts';
import type { RunningNode } from './ipfs-node.ts';
import { leafImporter } from './leaf-importer.ts';
import type { SourceTree } from './source-tree.ts';

type UnixfsBlockstore = Parameters<IpfsModules['unixfs']>[0]['blockstore'];

/**
 * Kubo-compatible import settings, as IPIP-499 names them (ipfs-unixfs-importer implements both):
 * - modern = `unixfs-v1-2025`: CIDv1, raw leaves, 1 MiB chunks, 1024 links per node;
 * - legacy = `unixfs-v0-2015`: CIDv0, 256 KiB chunks, no raw leaves, balanced, 174 links per node
 *   (what `ipfs add` has always produced; checked against Debian's `ipfs_cid` in the tests).
 * @helia/unixfs spreads its own defaults (CIDv1, raw leaves, 1 MiB, 1024 links) over the options,
 * which would override the legacy profile: the explicit `undefined`s clear them so that the
 * importer applies the profile's values.
 */
export function importOptions(profile: CidProfile) {
  return {
    profile: profile === 'legacy' ? ('unixfs-v0-2015' as const) : ('unixfs-v1-2025' as const),
    cidVersion: undefined,
    rawLeaves: undefined,
    chunker: undefined,
    layout: undefined,
    // Many small files: import them side by side (the importer's default of 10 leaves the disk idle).
    fileImportConcurrency: 50,
    blockWriteConcurrency: 50,
    bufferImporter: leafImporter(profile),
  };
}

/** Forwards to the node's blockstore, noting every block written, and writing each block once. */
function recordingBlockstore(inner: UnixfsBlockstore): { store: UnixfsBlockstore; blocks: Set<string> } {
  const blocks = new Set<string>();
  const inFlight = new Map<string, Promise<unknown>>();
  const store: UnixfsBlockstore = {
    get: (cid, options) => inner.get(cid, options),
    has: (cid, options) => inner.has(cid, options),
    put: async (cid, bytes, options) => {
      const key = blockKey(cid);
      blocks.add(key);
      // Two identical files in flight would write the same block file at once; share one write.
      let pending = inFlight.get(key);
      if (pending === undefined) {
        pending = Promise.resolve(inner.put(cid, bytes, options)).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      await pending;
      return cid;
    },
  };
  return { store, blocks };
}

export interface ImportedTree {
  cid: CID;
  /** Every block of the DAG (base32 multihashes). */
  blocks: Set<string>;
  /** sha256 hex of each file, when asked for (to check a lock file without reading twice). */
  fileHashes: Map<string, string> | null;
}

const SMALL_FILE = 1 << 20;
const TINY_FILE = 64 * 1024;
/** Reads the size of one chunk, so the chunker hands leaves on without copying them together. */
const CHUNK_BYTES = { modern: 1 << 20, legacy: 256 * 1024 } as const;

/** Imports a file or folder into the node's blockstore as UnixFS; nothing is pinned here. */
export async function importTree(
  node: RunningNode,
  tree: SourceTree,
  profile: CidProfile,
  options: { hashFiles: boolean; onFile?: (done: number) => void; signal?: AbortSignal },
): Promise<ImportedTree> {
  const m = await ipfsModules();
  const { store, blocks } = recordingBlockstore(node.helia.blockstore as unknown as UnixfsBlockstore);
  const fs = m.unixfs({ blockstore: store });
  const fileHashes = options.hashFiles ? new Map<string, string>() : null;
  let done = 0;

  // Content is read lazily, inside the importer's parallel file builders, so reads overlap.
  async function* content(file: { path: string; absolute: string; size: number }): AsyncGenerator<Uint8Array> {
    const hash = fileHashes === null ? null : createHash('sha256');
    if (file.size <= TINY_FILE) {
      // A page-cache read this small costs less than the four thread-pool round trips of readFile().
      const bytes = readFileSync(file.absolute);
      hash?.update(bytes);
      yield bytes;
    } else if (file.size <= SMALL_FILE) {
      const bytes = await readFile(file.absolute);
      hash?.update(bytes);
      yield bytes;
    } else {
      for await (const chunk of createReadStream(file.absolute, { highWaterMark: CHUNK_BYTES[profile] })) {
        hash?.update(chunk as Buffer);
        yield chunk as Buffer;
      }
    }
    if (hash !== null) fileHashes?.set(file.path, hash.digest('hex'));
    done += 1;
    options.onFile?.(done);
  }

  const settings = { ...importOptions(profile), signal: options.signal };
  let cid: CID | undefined;
  try {
    if (tree.kind === 'file') {
      const file = tree.files[0] as SourceTree['files'][number];
      cid = await fs.addByteStream(content(file), settings);
    } else if (tree.files.length === 0 && tree.emptyDirs.length === 0) {
      cid = await fs.addDirectory({}, settings);
    } else {
      const candidates = [
        ...tree.files.map((file) => ({ path: file.path, content: content(file) })),
        ...tree.emptyDirs.map((path) => ({ path })),
      ];
      for await (const entry of fs.addAll(candidates, { ...settings, wrapWithDirectory: true })) cid = entry.cid;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    // A full small-block database (SQLITE_FULL) is the store edge's to translate: DISK_FULL too.
    if (code === 'ENOSPC') throw new AppError('DISK_FULL', 'The disk is full; free some space and publish again.', {}, { cause: error });
    if (code === 'ENOENT' || code === 'EACCES') {
      throw new AppError('CONFLICT', `A file changed or disappeared while it was being published (${code}); publish again once the output is complete.`, { reason: code }, { cause: error });
    }
    throw error;
  }
  if (cid === undefined) throw new AppError('INTERNAL', 'The importer produced no root CID.');
  return { cid, blocks, fileHashes };
}
