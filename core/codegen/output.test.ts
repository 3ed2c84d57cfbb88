import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-core.ts';
import { recoverOutput, sweepStaging, writeOutput } from './atomic-writer.ts';
import { checksumLines, hashFiles, LOCK_FILE_NAME, LOCK_VERSION, serializeLock, type LockFile } from './lock-file.ts';
import { planOutput } from './plan-output.ts';
import { verifyOutput } from './verify-output.ts';
import type { VirtualTree } from './virtual-tree.ts';

const dirs: { remove(): void }[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});
function workDir(): string {
  const dir = tempDir('dihya-out-');
  dirs.push(dir);
  return dir.path;
}

/** A tree with its lock, as generateTree makes them. */
function treeOf(files: Record<string, string>): VirtualTree {
  const tree: VirtualTree = new Map(Object.entries(files).map(([p, c]) => [p, new TextEncoder().encode(c)]));
  const { files: hashes, rootHash } = hashFiles(tree);
  const lock: LockFile = { lockVersion: LOCK_VERSION, generator: { name: 'dihya', version: '1.0.0' }, modelVersion: 1, modelHash: '0'.repeat(64), specHash: null, templates: [], plugins: [], options: {}, files: hashes, rootHash };
  tree.set(LOCK_FILE_NAME, new TextEncoder().encode(serializeLock(lock)));
  return tree;
}

function snapshot(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) Object.assign(out, snapshot(dir, rel));
    else out[rel] = readFileSync(join(dir, rel), 'utf8');
  }
  return out;
}

const v1 = { 'a.txt': 'one\n', 'src/b.txt': 'two\n', 'src/old.txt': 'old\n' };
const v2 = { 'a.txt': 'one, edited\n', 'src/b.txt': 'two\n', 'src/new/c.txt': 'three\n' };

async function write(dir: string, files: Record<string, string>, crashAfterOps?: number) {
  const tree = treeOf(files);
  await writeOutput(dir, tree, await planOutput(dir, tree), crashAfterOps === undefined ? {} : { crashAfterOps });
}

describe('writing an output folder', () => {
  it('creates a new folder in one rename, with nothing left beside it', async () => {
    const parent = workDir();
    await write(join(parent, 'app'), v1);
    expect(snapshot(join(parent, 'app'))).toMatchObject(v1);
    expect(readdirSync(parent)).toEqual(['app']);
  });

  it('updates an existing folder: changes, creates, deletes generated files and keeps everything else', async () => {
    const dir = join(workDir(), 'app');
    await write(dir, v1);
    mkdirSync(join(dir, 'node_modules/x'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/x/index.js'), 'keep');
    writeFileSync(join(dir, 'notes.md'), 'mine');
    const plan = await planOutput(dir, treeOf(v2), { diffs: true });
    expect(plan.counts).toEqual({ create: 1, change: 2, unchanged: 1, delete: 1, conflicts: 0 });
    expect(plan.files.find((f) => f.path === 'a.txt')?.diff).toContain('-one\n+one, edited');
    await write(dir, v2);
    const after = snapshot(dir);
    expect(after).toMatchObject({ ...v2, 'node_modules/x/index.js': 'keep', 'notes.md': 'mine' });
    expect(after['src/old.txt']).toBeUndefined();
  });

  it('leaves the old output whole when a crash interrupts the update at any step', async () => {
    for (let crashAt = 0; crashAt < 6; crashAt += 1) {
      const dir = join(workDir(), 'app');
      await write(dir, v1);
      const before = snapshot(dir);
      await expect(write(dir, v2, crashAt)).rejects.toThrow(/simulated crash/);
      expect(await recoverOutput(dir)).toBe('rolled-back');
      expect(snapshot(dir), `crash after ${crashAt} operations`).toEqual(before);
      expect(readdirSync(join(dir, '..'))).toEqual(['app']);
    }
  });

  it('sweeps the staging folders a crashed write left, never one a live process is filling', async () => {
    const parent = workDir();
    for (const name of ['.app.dihya-new-111-0a0b0c0d', '.app.dihya-new-222-0a0b0c0d', '.app.dihya-new-0a0b0c0d', '.other.dihya-new-111-0a0b0c0d']) mkdirSync(join(parent, name, 'src'), { recursive: true });
    expect(await sweepStaging(join(parent, 'app'), (pid) => pid === 222)).toBe(2);
    expect(readdirSync(parent).sort()).toEqual(['.app.dihya-new-222-0a0b0c0d', '.other.dihya-new-111-0a0b0c0d']);
  });

  it('recovers an interrupted update on the next write, then applies the new one', async () => {
    const dir = join(workDir(), 'app');
    await write(dir, v1);
    await expect(write(dir, v2, 2)).rejects.toThrow();
    await write(dir, v2);
    expect(snapshot(dir)).toMatchObject(v2);
    expect((await verifyOutput(dir)).ok).toBe(true);
  });

  it('flags files the user changed or added since the last generation', async () => {
    const dir = join(workDir(), 'app');
    await write(dir, v1);
    writeFileSync(join(dir, 'a.txt'), 'hand-edited\n');
    mkdirSync(join(dir, 'src/new'), { recursive: true });
    writeFileSync(join(dir, 'src/new/c.txt'), 'my own file\n');
    const plan = await planOutput(dir, treeOf(v2));
    expect(plan.files.filter((f) => f.conflict !== null).map((f) => [f.path, f.conflict])).toEqual([
      ['a.txt', 'user-modified'],
      ['src/new/c.txt', 'user-created'],
    ]);
  });
});

describe('dihya.lock.json', () => {
  it('detects a one-byte change, a missing file, and tolerates files it does not list', async () => {
    const dir = join(workDir(), 'app');
    await write(dir, v1);
    expect(await verifyOutput(dir)).toMatchObject({ ok: true, checked: 3, changed: [], missing: [] });
    writeFileSync(join(dir, 'src/b.txt'), 'twO\n');
    writeFileSync(join(dir, 'extra.txt'), 'x');
    const report = await verifyOutput(dir);
    expect(report).toMatchObject({ ok: false, changed: ['src/b.txt'], missing: [], added: ['extra.txt'] });
    expect(report.actualRootHash).not.toBe(report.rootHash);
  });

  it('uses the sha256sum format, so the standard tool checks a generated folder', async () => {
    const dir = join(workDir(), 'app');
    const tree = treeOf(v1);
    await writeOutput(dir, tree, await planOutput(dir, tree));
    const lock = JSON.parse(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8')) as LockFile;
    writeFileSync(join(dir, '..', 'SHA256SUMS'), checksumLines(lock.files));
    expect(execFileSync('sha256sum', ['-c', '--quiet', join(dir, '..', 'SHA256SUMS')], { cwd: dir, encoding: 'utf8' })).toBe('');
    expect(execFileSync('sha256sum', [join(dir, '..', 'SHA256SUMS')], { encoding: 'utf8' }).split(' ')[0]).toBe(lock.rootHash);
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(true);
  });
});
