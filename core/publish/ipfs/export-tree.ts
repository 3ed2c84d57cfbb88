import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CID } from 'multiformats/cid';
import { AppError } from '../../common/index.ts';
import { ipfsModules } from './ipfs-modules.ts';
import type { RunningNode } from './ipfs-node.ts';
import { forEachConcurrent } from './concurrency.ts';
import { pathError } from './path-errors.ts';

const RAW_CODEC = 0x55;

type UnixfsApi = ReturnType<Awaited<ReturnType<typeof ipfsModules>>['unixfs']>;

/**
 * Reads a file's bytes. The exporter otherwise requests every block of a file at once (unbounded
 * `blockReadConcurrency`), so the first chunk of a 100 MB file waits behind the other 99; a few
 * reads ahead keep the stream full and the first byte quick.
 */
export function readFile(fs: UnixfsApi, cid: CID, signal: AbortSignal): AsyncIterable<Uint8Array> {
  const options: Parameters<UnixfsApi['cat']>[1] & { blockReadConcurrency: number } = { signal, blockReadConcurrency: 8 };
  return fs.cat(cid, options);
}

export interface ExportResult {
  kind: 'directory' | 'file';
  fileCount: number;
  sizeBytes: number;
}

export interface WalkedFile {
  path: string;
  cid: CID;
}

/**
 * Names inside fetched content come from whoever built it: a name that could climb out of the
 * output folder ("..", "a/b", "") is refused, never written.
 */
function checkName(name: string, cid: CID): void {
  // eslint-disable-next-line no-control-regex
  if (name === '' || name === '.' || name === '..' || /[/\\\u0000]/.test(name)) {
    throw new AppError('INTEGRITY_FAILED', `The content ${cid.toString()} holds an entry named ${JSON.stringify(name)}, which cannot be written safely; nothing was written.`, { cid: cid.toString(), name });
  }
}

/** How many entries of a folder are looked at, and how many files are read, at once. */
const PARALLEL = 16;

/**
 * Walks a UnixFS DAG: `onDirectory` for each folder (parents first, root as ''), `onFile` for each
 * file, up to 16 at a time. Symbolic links are refused. Reads only from the node (fetching from
 * connected peers when it is online).
 */
export async function walkUnixfs(
  node: RunningNode,
  root: CID,
  visit: { onDirectory(path: string): Promise<void>; onFile(file: WalkedFile): Promise<void> },
  signal: AbortSignal,
): Promise<'directory' | 'file'> {
  const m = await ipfsModules();
  const fs = m.unixfs(node.helia);
  const rootStats = await fs.stat(root, { signal });
  if (rootStats.type !== 'directory') {
    if (rootStats.unixfs?.type === 'symlink') throw symlinkError(root, '');
    await visit.onFile({ path: '', cid: root });
    return 'file';
  }
  const pending: { path: string; cid: CID }[] = [{ path: '', cid: root }];
  while (pending.length > 0) {
    const dir = pending.shift() as { path: string; cid: CID };
    await visit.onDirectory(dir.path);
    const entries: { path: string; cid: CID }[] = [];
    for await (const entry of fs.ls(dir.cid, { signal })) {
      checkName(entry.name, root);
      entries.push({ path: dir.path === '' ? entry.name : `${dir.path}/${entry.name}`, cid: entry.cid });
    }
    await forEachConcurrent(entries, PARALLEL, async (entry) => {
      signal.throwIfAborted();
      // A raw block is always file content; anything else must be looked at.
      if (entry.cid.code === RAW_CODEC) return visit.onFile(entry);
      const stats = await fs.stat(entry.cid, { signal });
      if (stats.type === 'directory') pending.push(entry);
      else if (stats.unixfs?.type === 'symlink') throw symlinkError(root, entry.path);
      else await visit.onFile(entry);
    });
  }
  return 'directory';
}

function symlinkError(root: CID, path: string): AppError {
  return new AppError('INTEGRITY_FAILED', `The content ${root.toString()} holds a symbolic link${path ? ` at ${path}` : ''}; Dihya does not restore links. Nothing was written.`, { cid: root.toString(), path });
}

async function refuseExisting(target: string, overwrite: boolean): Promise<boolean> {
  let existing;
  try {
    existing = await stat(target);
  } catch {
    return false;
  }
  if (overwrite) return true;
  if (existing.isDirectory() && (await readdir(target)).length === 0) return true;
  throw new AppError('CONFLICT', `${target} already exists; choose another output path or allow overwriting.`, { path: target });
}

/**
 * Writes the content of `root` to `target` (a folder for a directory, a file for a file). It is
 * written beside the target first and moved into place at the end, so a failure or an interruption
 * leaves either the old target or the complete new one, never half of it.
 */
export async function exportToPath(node: RunningNode, root: CID, target: string, options: { overwrite: boolean; signal: AbortSignal; onProgress?: () => void }): Promise<ExportResult> {
  const output = resolve(target);
  const replace = await refuseExisting(output, options.overwrite);
  try {
    await mkdir(dirname(output), { recursive: true });
  } catch (error) {
    throw pathError(error, output);
  }
  const staging = join(dirname(output), `.${basename(output)}.partial-${randomBytes(4).toString('hex')}`);
  const m = await ipfsModules();
  const fs = m.unixfs(node.helia);
  let fileCount = 0;
  let sizeBytes = 0;
  try {
    const kind = await walkUnixfs(
      node,
      root,
      {
        onDirectory: async (path) => {
          await mkdir(path === '' ? staging : join(staging, path), { recursive: true });
        },
        onFile: async (file) => {
          const destination = file.path === '' ? staging : join(staging, file.path);
          const counted = async function* (source: AsyncIterable<Uint8Array>) {
            for await (const chunk of source) {
              sizeBytes += chunk.byteLength;
              options.onProgress?.();
              yield chunk;
            }
          };
          await pipeline(Readable.from(counted(readFile(fs, file.cid, options.signal))), createWriteStream(destination));
          fileCount += 1;
        },
      },
      options.signal,
    );
    if (replace) await rm(output, { recursive: true, force: true });
    await rename(staging, output);
    return { kind, fileCount, sizeBytes };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw pathError(error, output);
  }
}
