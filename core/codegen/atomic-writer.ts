import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../common/index.ts';
import { assertNoLinkedParents } from './output-fs.ts';
import { planOutput, type OutputPlan } from './plan-output.ts';
import type { VirtualTree } from './virtual-tree.ts';

/**
 * Writes a generated tree so that a crash at any moment leaves the folder as it was or as it
 * should be, never half of each:
 * - a new (or empty) folder is built beside the target and renamed into place in one step;
 * - an existing folder is updated through a journal beside it (`.<name>.dihya-txn/`): new files are
 *   staged first, then each old file is moved aside and the new one renamed in. If that is
 *   interrupted, the next write (or `recoverOutput`) moves the old files back.
 * Files in the folder that Dihya did not generate (node_modules, .git, the user's own) are left alone.
 */
interface Journal {
  state: 'prepared' | 'committed';
  ops: { path: string; action: 'create' | 'replace' | 'delete' }[];
}

export interface WriteOptions {
  /** Test hook: stop (as a crash would) after this many file operations of the journal. */
  crashAfterOps?: number;
}

function txnDir(dir: string): string {
  return join(dirname(dir), `.${basename(dir)}.dihya-txn`);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

async function writeDurably(path: string, content: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, 'w', 0o644);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Data must be on disk before the rename that publishes it, or a power cut could leave empty files
 * under their final names. One `syncfs` of the file system (GNU `sync -f`) is about twice as fast
 * as an fsync per file; where it is missing, each file is fsynced.
 */
async function flushToDisk(root: string, paths: readonly string[]): Promise<void> {
  if (process.platform === 'linux') {
    const synced = await new Promise<boolean>((done) => execFile('sync', ['-f', root], (error) => done(error === null)));
    if (synced) return;
  }
  await inParallel(paths, (path) => fsyncFile(join(root, path)));
}

async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) await work(next);
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

async function writeAll(root: string, files: [string, Uint8Array][]): Promise<void> {
  const made = new Set<string>();
  await inParallel(files, async ([path, content]) => {
    const full = join(root, path);
    const folder = dirname(full);
    if (!made.has(folder)) {
      await mkdir(folder, { recursive: true });
      made.add(folder);
    }
    await writeFile(full, content, { mode: 0o644 });
  });
  await flushToDisk(root, files.map(([path]) => path));
}

async function syncDir(path: string): Promise<void> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (handle === undefined) return;
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}

async function isEmptyDir(dir: string): Promise<boolean> {
  const entries = await readdir(dir).catch(() => undefined);
  return entries !== undefined && entries.length === 0;
}

/** Finishes or undoes an interrupted write. Returns what it did. */
export async function recoverOutput(dir: string): Promise<'none' | 'rolled-back' | 'cleaned'> {
  const txn = txnDir(dir);
  if (!(await exists(txn))) return 'none';
  const journal = await readFile(join(txn, 'journal.json'), 'utf8')
    .then((t) => JSON.parse(t) as Journal)
    .catch(() => undefined);
  if (journal?.state === 'prepared') {
    for (const op of [...journal.ops].reverse()) {
      const target = join(dir, op.path);
      const old = join(txn, 'old', op.path);
      if (op.action !== 'create' && (await exists(old))) {
        await mkdir(dirname(target), { recursive: true });
        await rename(old, target);
      } else if (op.action === 'create' && !(await exists(join(txn, 'new', op.path))) && (await exists(target))) {
        await unlink(target);
      }
    }
    await rm(txn, { recursive: true, force: true });
    return 'rolled-back';
  }
  await rm(txn, { recursive: true, force: true });
  return 'cleaned';
}

async function removeEmptyParents(dir: string, path: string): Promise<void> {
  let current = dirname(join(dir, path));
  while (current.length > dir.length && current.startsWith(dir)) {
    if (!(await isEmptyDir(current))) return;
    await rmdir(current);
    current = dirname(current);
  }
}

export async function writeOutput(dir: string, tree: VirtualTree, plannedBefore: OutputPlan, options: WriteOptions = {}): Promise<void> {
  // A plan made before an interrupted write was undone describes a folder that no longer exists.
  const plan = (await recoverOutput(dir)) === 'none' ? plannedBefore : await planOutput(dir, tree);
  const info = await stat(dir).catch(() => undefined);
  if (info !== undefined && !info.isDirectory()) throw new AppError('CONFLICT', `${dir} is a file; choose a folder for the generated project.`, { dir });
  if (info === undefined || (await isEmptyDir(dir))) return writeFresh(dir, tree);

  const ops: Journal['ops'] = [];
  for (const file of plan.files) {
    if (file.change === 'create') ops.push({ path: file.path, action: 'create' });
    else if (file.change === 'change') ops.push({ path: file.path, action: 'replace' });
    else if (file.change === 'delete') ops.push({ path: file.path, action: 'delete' });
  }
  if (ops.length === 0) return;
  for (const op of ops) await assertNoLinkedParents(dir, op.path);

  const txn = txnDir(dir);
  await mkdir(txn, { recursive: true });
  await writeAll(join(txn, 'new'), ops.filter((op) => op.action !== 'delete').map((op) => [op.path, tree.get(op.path) as Uint8Array]));
  await writeDurably(join(txn, 'journal.json'), new TextEncoder().encode(JSON.stringify({ state: 'prepared', ops } satisfies Journal)));

  let done = 0;
  const step = () => {
    done += 1;
    if (options.crashAfterOps !== undefined && done > options.crashAfterOps) throw new Error(`simulated crash after ${options.crashAfterOps} operations`);
  };
  for (const op of ops) {
    const target = join(dir, op.path);
    if (op.action !== 'create') {
      await mkdir(dirname(join(txn, 'old', op.path)), { recursive: true });
      await rename(target, join(txn, 'old', op.path));
      step();
    }
    if (op.action !== 'delete') {
      await mkdir(dirname(target), { recursive: true });
      await rename(join(txn, 'new', op.path), target);
      step();
    }
  }
  await writeDurably(join(txn, 'journal.json'), new TextEncoder().encode(JSON.stringify({ state: 'committed', ops } satisfies Journal)));
  await rm(txn, { recursive: true, force: true });
  for (const op of ops) if (op.action === 'delete') await removeEmptyParents(dir, op.path);
}

async function writeFresh(dir: string, tree: VirtualTree): Promise<void> {
  const staging = join(dirname(dir), `.${basename(dir)}.dihya-new-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(dirname(dir), { recursive: true });
    await writeAll(staging, [...tree.entries()]);
    if (await exists(dir)) await rmdir(dir);
    await rename(staging, dir);
    await syncDir(dirname(dir));
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
