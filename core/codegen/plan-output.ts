import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { LOCK_FILE_NAME, parseLock, sha256, sortedPaths, type LockFile } from './lock-file.ts';
import { recoverOutput } from './atomic-writer.ts';
import { readDiskEntry } from './output-fs.ts';
import type { VirtualTree } from './virtual-tree.ts';

export type PlannedChange = 'create' | 'change' | 'unchanged' | 'delete';

export interface PlannedFile {
  path: string;
  change: PlannedChange;
  /** The file on disk differs from what the last generation wrote (or was never generated): overwriting it would lose the user's edit. */
  conflict: 'user-modified' | 'user-created' | null;
  diff?: string;
}

export interface OutputPlan {
  files: PlannedFile[];
  /** The lock found in the folder, when it had one and it was readable. */
  previousLock: LockFile | null;
  counts: Record<PlannedChange, number> & { conflicts: number };
}

export const DIFF_LIMITS = Object.freeze({ maxFileChars: 200_000, maxTotalChars: 2_000_000 });

async function readPreviousLock(dir: string): Promise<LockFile | null> {
  const text = await readFile(join(dir, LOCK_FILE_NAME), 'utf8').catch(() => undefined);
  if (text === undefined) return null;
  const parsed = parseLock(text);
  return parsed.ok ? parsed.lock : null;
}

const decoder = new TextDecoder('utf-8', { fatal: true });
function asText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

function unifiedDiff(path: string, before: Uint8Array | undefined, after: Uint8Array | undefined): string {
  const a = before === undefined ? '' : asText(before);
  const b = after === undefined ? '' : asText(after);
  if (a === undefined || b === undefined) return `Binary file ${path} differs\n`;
  if (a.length + b.length > DIFF_LIMITS.maxFileChars) return `${path}: too large to show a diff (${a.length + b.length} characters)\n`;
  return createTwoFilesPatch(before === undefined ? '/dev/null' : `a/${path}`, after === undefined ? '/dev/null' : `b/${path}`, a, b, undefined, undefined, { context: 3 });
}

/**
 * Compares a freshly rendered tree with what the output folder holds: what would be created,
 * changed, left alone or deleted, and which of those would overwrite a user's edit (a file whose
 * bytes no longer match the previous lock, or a file the user put there themselves).
 */
export async function planOutput(dir: string, tree: VirtualTree, options: { diffs?: boolean } = {}): Promise<OutputPlan> {
  // A write interrupted by a crash is undone first, so the plan describes the user's real folder.
  await recoverOutput(dir);
  const entries = await readdir(dir).catch(() => undefined);
  if (entries === undefined || entries.length === 0) {
    // Nothing there yet: everything is created, and there is nothing to compare or to diff against.
    const files = sortedPaths(tree.keys()).map((path) => ({ path, change: 'create' as const, conflict: null }));
    return { files, previousLock: null, counts: { create: files.length, change: 0, unchanged: 0, delete: 0, conflicts: 0 } };
  }
  const checked = new Set<string>();
  const previousLock = await readPreviousLock(dir);
  const previous = previousLock?.files ?? {};
  const files: PlannedFile[] = [];
  let diffChars = 0;
  const withDiff = (file: PlannedFile, before: Uint8Array | undefined, after: Uint8Array | undefined): PlannedFile => {
    if (!options.diffs || diffChars > DIFF_LIMITS.maxTotalChars) return file;
    const diff = unifiedDiff(file.path, before, after);
    diffChars += diff.length;
    return { ...file, diff };
  };
  for (const path of sortedPaths(tree.keys())) {
    const next = tree.get(path) as Uint8Array;
    const disk = await readDiskEntry(dir, path, checked);
    if (disk.kind === 'missing') {
      files.push(withDiff({ path, change: 'create', conflict: null }, undefined, next));
      continue;
    }
    if (disk.kind === 'other') {
      files.push({ path, change: 'change', conflict: 'user-created' });
      continue;
    }
    const current = sha256(disk.bytes);
    if (current === sha256(next)) {
      files.push({ path, change: 'unchanged', conflict: null });
      continue;
    }
    const generatedBefore = previous[path];
    const conflict = path === LOCK_FILE_NAME ? null : generatedBefore === undefined ? 'user-created' : generatedBefore !== current ? 'user-modified' : null;
    files.push(withDiff({ path, change: 'change', conflict }, disk.bytes, next));
  }
  for (const path of sortedPaths(Object.keys(previous))) {
    if (tree.has(path)) continue;
    const disk = await readDiskEntry(dir, path, checked);
    if (disk.kind !== 'file') continue;
    const conflict = sha256(disk.bytes) !== previous[path] ? 'user-modified' : null;
    files.push(withDiff({ path, change: 'delete', conflict }, disk.bytes, undefined));
  }
  const counts = { create: 0, change: 0, unchanged: 0, delete: 0, conflicts: 0 };
  for (const file of files) {
    counts[file.change] += 1;
    if (file.conflict !== null) counts.conflicts += 1;
  }
  return { files, previousLock, counts };
}
