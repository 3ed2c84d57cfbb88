import { createHash } from 'node:crypto';
import { z } from 'zod';
import { comparePaths } from './safe-path.ts';

/**
 * `dihya.lock.json`: the provenance of a generated folder. The part that verification needs —
 * `files` (relative path → sha256 hex) and `rootHash` — is shared with publishing (IPFS), so both
 * compute it here and nowhere else.
 *
 * rootHash = sha256 of the lines `"<sha256>  <path>\n"` (the `sha256sum` format), one per file,
 * ordered by the UTF-8 bytes of the path. `sha256sum -c` can check a folder from the same lines.
 * Changing this changes every published root hash: never do it in place, bump LOCK_VERSION.
 */
export const LOCK_FILE_NAME = 'dihya.lock.json';
export const LOCK_VERSION = 1;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'Must be a sha256 in lower-case hex.');

export const lockTemplate = z.object({
  id: z.string(),
  version: z.string(),
  kind: z.string(),
  contentHash: sha256Hex,
});
export type LockTemplate = z.infer<typeof lockTemplate>;

export const lockFile = z.object({
  lockVersion: z.literal(LOCK_VERSION),
  generator: z.object({ name: z.literal('dihya'), version: z.string() }),
  modelVersion: z.number().int(),
  modelHash: sha256Hex,
  /** Hash of the spec text the model came from; null when a model was given directly. */
  specHash: sha256Hex.nullable(),
  templates: z.array(lockTemplate),
  plugins: z.array(z.object({ id: z.string(), version: z.string(), contentHash: sha256Hex })),
  options: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  files: z.record(z.string(), sha256Hex),
  rootHash: sha256Hex,
});
export type LockFile = z.infer<typeof lockFile>;

/** The verification shape publishing relies on. */
export interface FileHashes {
  files: Record<string, string>;
  rootHash: string;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function sortedPaths(paths: Iterable<string>): string[] {
  return [...paths].sort(comparePaths);
}

/** The `sha256sum` lines, ordered by path. */
export function checksumLines(files: Readonly<Record<string, string>>): string {
  return sortedPaths(Object.keys(files)).map((path) => `${files[path]}  ${path}\n`).join('');
}

export function rootHashOf(files: Readonly<Record<string, string>>): string {
  return sha256(checksumLines(files));
}

/** Per-file hashes (keys in path order, so the JSON is stable) and their root hash. */
export function hashFiles(contents: ReadonlyMap<string, Uint8Array>): FileHashes {
  const files: Record<string, string> = {};
  for (const path of sortedPaths(contents.keys())) files[path] = sha256(contents.get(path) as Uint8Array);
  return { files, rootHash: rootHashOf(files) };
}

/** Stable bytes: fixed key order (the schema's), two-space indent, trailing newline. */
export function serializeLock(lock: LockFile): string {
  const ordered: LockFile = {
    lockVersion: lock.lockVersion,
    generator: lock.generator,
    modelVersion: lock.modelVersion,
    modelHash: lock.modelHash,
    specHash: lock.specHash,
    templates: lock.templates,
    plugins: lock.plugins,
    options: Object.fromEntries(Object.keys(lock.options).sort().map((key) => [key, lock.options[key] as string | number | boolean])),
    files: Object.fromEntries(sortedPaths(Object.keys(lock.files)).map((path) => [path, lock.files[path] as string])),
    rootHash: lock.rootHash,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

export type LockParseResult = { ok: true; lock: LockFile } | { ok: false; reason: string };

export function parseLock(text: string): LockParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: `${LOCK_FILE_NAME} is not valid JSON` };
  }
  const parsed = lockFile.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: `${LOCK_FILE_NAME} does not have the expected shape (${parsed.error.issues[0]?.path.join('.') ?? '?'}: ${parsed.error.issues[0]?.message ?? ''})` };
  if (rootHashOf(parsed.data.files) !== parsed.data.rootHash) return { ok: false, reason: `${LOCK_FILE_NAME} is inconsistent: its rootHash does not match its files` };
  return { ok: true, lock: parsed.data };
}
