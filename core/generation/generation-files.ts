import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { READ_FILE_MAX_BYTES, type GenerationVerifyReport } from '../api/generation.ts';
import { AppError } from '../common/index.ts';
import type { Database } from '../db/index.ts';
import { parseLock, sha256, verifyOutput, type LockFile } from '../codegen/index.ts';
import { readDiskEntry } from '../codegen/output-fs.ts';
import { getRun } from './generations-repository.ts';

/**
 * What a finished generation produced, read back for the UI's file browser. Only paths listed in
 * the run's lock can be read, so a request can never reach outside the output folder.
 */
async function lockOf(db: Kysely<Database>, id: string): Promise<{ lock: LockFile; outputDir: string }> {
  const run = await getRun(db, id);
  if (run.lockJson === null || run.outputDir === null) throw new AppError('NOT_FOUND', `Generation ${id} has no output (its status is ${run.status}).`, { id, status: run.status });
  const parsed = parseLock(run.lockJson);
  if (!parsed.ok) throw new AppError('INTERNAL', `The lock recorded for generation ${id} is unreadable: ${parsed.reason}.`, { id });
  return { lock: parsed.lock, outputDir: run.outputDir };
}

export async function listGeneratedFiles(db: Kysely<Database>, id: string) {
  const { lock, outputDir } = await lockOf(db, id);
  const files = [];
  for (const [path, hash] of Object.entries(lock.files)) {
    const entry = await readDiskEntry(outputDir, path).catch(() => ({ kind: 'other' }) as const);
    if (entry.kind !== 'file') files.push({ path, sha256: hash, size: null, state: 'missing' as const });
    else files.push({ path, sha256: hash, size: entry.bytes.byteLength, state: sha256(entry.bytes) === hash ? ('ok' as const) : ('changed' as const) });
  }
  return { outputDir, rootHash: lock.rootHash, files };
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export async function readGeneratedFile(db: Kysely<Database>, id: string, path: string) {
  const { lock, outputDir } = await lockOf(db, id);
  const expected = Object.hasOwn(lock.files, path) ? lock.files[path] : undefined;
  if (expected === undefined) throw new AppError('NOT_FOUND', `Generation ${id} did not write ${path}.`, { id, path });
  const entry = await readDiskEntry(outputDir, path);
  if (entry.kind !== 'file') throw new AppError('NOT_FOUND', `${path} is no longer in ${outputDir}.`, { id, path });
  const bytes = entry.bytes;
  const truncated = bytes.byteLength > READ_FILE_MAX_BYTES;
  const shown = truncated ? bytes.subarray(0, READ_FILE_MAX_BYTES) : bytes;
  let content: string | null;
  try {
    content = shown.includes(0) ? null : decoder.decode(shown, { stream: truncated });
  } catch {
    content = null;
  }
  return { path, sha256: sha256(bytes), size: bytes.byteLength, state: sha256(bytes) === expected ? ('ok' as const) : ('changed' as const), content, truncated };
}

export async function verifyGeneration(db: Kysely<Database>, input: { id?: string | undefined; dir?: string | undefined }): Promise<GenerationVerifyReport> {
  if (input.dir !== undefined) {
    const stat = await lstat(input.dir).catch(() => undefined);
    if (stat === undefined) throw new AppError('NOT_FOUND', `${input.dir} does not exist.`, { dir: input.dir });
    return verifyOutput(input.dir);
  }
  const run = await getRun(db, input.id as string);
  if (run.outputDir === null || run.status !== 'succeeded') throw new AppError('NOT_FOUND', `Generation ${input.id} has no output to verify (its status is ${run.status}).`, { id: input.id });
  return verifyOutput(join(run.outputDir));
}
