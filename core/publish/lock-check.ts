import { z } from 'zod';
import { comparePaths } from '../codegen/safe-path.ts';
import { LOCK_FILE_NAME, rootHashOf } from '../codegen/lock-file.ts';
import { AppError } from '../common/index.ts';

export { LOCK_FILE_NAME };

/**
 * What publishing and `dihya verify` read from a `dihya.lock.json`. The format and its root hash
 * are defined once, in core/codegen/lock-file.ts (rootHash = sha256 of the `sha256sum` lines
 * `"<sha256>  <path>\n"` ordered by the UTF-8 bytes of the path); this file only reads the part
 * that verification needs, tolerating any other fields, so a lock from a newer generator still
 * verifies.
 *
 * `personalData` (optional): paths of files holding data the model tags as personal (seed data,
 * exports). IPFS content is public, so publishing an output that lists any needs explicit consent.
 */
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 is 64 lower-case hex digits');
const relativePath = z
  .string()
  .min(1)
  .max(4_096)
  // eslint-disable-next-line no-control-regex
  .refine((p) => !/[\u0000-\u001f\u007f\\]/.test(p), 'a path cannot contain control characters or backslashes')
  .refine((p) => p.split('/').every((part) => part !== '' && part !== '.' && part !== '..'), 'a path is relative, with no empty, "." or ".." parts');

export const verifiableLock = z
  .object({
    files: z.record(relativePath, sha256Hex),
    rootHash: sha256Hex,
    personalData: z.array(relativePath).optional(),
  })
  .loose();
export type VerifiableLock = z.infer<typeof verifiableLock>;

export function readLock(text: string, where: string): VerifiableLock {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('VALIDATION_FAILED', `${where} is not valid JSON; regenerate the output or remove the file.`, { where });
  }
  const parsed = verifiableLock.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue?.path.join('.') || '(root)';
    throw new AppError('VALIDATION_FAILED', `${where} is not a valid Dihya lock file (${at}: ${issue?.message ?? 'invalid'}).`, { where, path: at });
  }
  return parsed.data;
}

export interface LockProblem {
  path: string;
  problem: 'missing' | 'modified' | 'unexpected' | 'lock-root-hash';
}

export interface LockComparison {
  ok: boolean;
  /** Root hash of the files actually present. */
  rootHash: string;
  problems: LockProblem[];
}

/** Compares a lock with the files actually found (path → sha256 hex, the lock itself excluded). */
export function compareWithLock(lock: VerifiableLock, actual: ReadonlyMap<string, string>): LockComparison {
  const problems: LockProblem[] = [];
  if (rootHashOf(lock.files) !== lock.rootHash) problems.push({ path: LOCK_FILE_NAME, problem: 'lock-root-hash' });
  for (const [path, expected] of Object.entries(lock.files)) {
    const found = actual.get(path);
    if (found === undefined) problems.push({ path, problem: 'missing' });
    else if (found !== expected) problems.push({ path, problem: 'modified' });
  }
  for (const path of actual.keys()) if (!Object.hasOwn(lock.files, path)) problems.push({ path, problem: 'unexpected' });
  problems.sort((a, b) => comparePaths(a.path, b.path));
  return { ok: problems.length === 0, rootHash: rootHashOf(Object.fromEntries(actual)), problems };
}

/** The personal-data entries of a lock (files, or folders holding them) really part of what would be published. */
export function personalDataPresent(lock: VerifiableLock | undefined, present: Iterable<string>): string[] {
  const listed = lock?.personalData ?? [];
  if (listed.length === 0) return [];
  const paths = [...present];
  return listed.filter((entry) => paths.some((path) => path === entry || path.startsWith(`${entry}/`))).sort(comparePaths);
}
