import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError, isAppError } from '../common/index.ts';
import { DIGEST_HEX, ZIP_COMMENT_LENGTH, parseDigestComment, type DigestKind } from './archive-digest.ts';
import { DATA_FOLDERS, tempName } from './backup-files.ts';
import { decryptStream, isEnvelope, readEnvelopeHeader, unlock, type ArchiveKey, type EnvelopeHeader } from './encryption.ts';
import { DATABASE_MEMBER, MANIFEST_MEMBER, parseManifest, type Manifest } from './manifest.ts';
import { SequentialReader } from './sequential-reader.ts';
import { dataStart, readZipEntries, type RangeReader, type ZipEntry, type ZipWindow } from './zip-reader.ts';

const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
const WRITE_ERRORS = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'EROFS', 'EACCES', 'EPERM']);

function corrupt(file: string, why: string, cause?: unknown): AppError {
  return new AppError('BACKUP_CORRUPT', `The backup ${file} is damaged (${why}); it cannot be trusted. Use another backup.`, { file, why }, { cause });
}

export interface OpenedArchive {
  file: string;
  encrypted: boolean;
  header: EnvelopeHeader | undefined;
  /** The plain zip: the file itself, or a decrypted temp copy in the work folder. */
  zipPath: string;
  cleanup(): Promise<void>;
}

export async function isEncryptedArchive(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(9);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return isEnvelope(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/**
 * Opens a backup for reading. An encrypted one is authenticated and decrypted, block by block, into
 * a temp file in `workDir` (a wrong passphrase fails before any decryption, with its own code).
 */
export async function openArchive(file: string, options: { workDir: string; passphrase?: string | undefined; key?: ArchiveKey | undefined }): Promise<OpenedArchive> {
  if (!(await isEncryptedArchive(file))) return { file, encrypted: false, header: undefined, zipPath: file, cleanup: async () => undefined };
  const { header, digest, offset } = await readEnvelopeHeader(file);
  const key = options.key ?? (await unlock(file, header, options.passphrase));
  await mkdir(options.workDir, { recursive: true });
  const zipPath = join(options.workDir, tempName(randomBytes(6).toString('hex'), 'plain.zip'));
  const cleanup = () => rm(zipPath, { force: true });
  try {
    await pipeline(createReadStream(file, { start: offset, highWaterMark: 1 << 20 }), decryptStream(file, header, digest, key), createWriteStream(zipPath, { flags: 'wx', highWaterMark: 1 << 20 }));
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { file, encrypted: true, header, zipPath, cleanup };
}

interface OpenZip {
  handle: FileHandle;
  size: number;
  entries: ZipEntry[];
  window: ZipWindow;
  end: number;
}

async function withZip<T>(zipPath: string, label: string, work: (zip: OpenZip) => Promise<T>): Promise<T> {
  const handle = await open(zipPath, 'r');
  try {
    const { size } = await handle.stat();
    return await work({ handle, size, ...(await readZipEntries(handle, size, label)) });
  } catch (error) {
    // No room or no right to extract is no damage to the backup: the code goes on to translateBackupError.
    const extracting = WRITE_ERRORS.has(String((error as { code?: unknown })?.code));
    throw isAppError(error) || extracting ? error : corrupt(label, 'unreadable', error);
  } finally {
    await handle.close();
  }
}

export async function readManifestEntry(reader: RangeReader, zip: { end: number }, entry: ZipEntry, label: string): Promise<Manifest> {
  if (entry.size > MAX_MANIFEST_BYTES) throw corrupt(label, 'manifest too large');
  const start = await dataStart(reader, entry, zip.end, label);
  return parseManifest((await reader.read(start, start + entry.size)).toString('utf8'), label);
}

/** Reads only the manifest (to list or inspect a backup) — no checksum work. */
export async function readManifest(zipPath: string, label: string): Promise<Manifest> {
  return withZip(zipPath, label, async (zip) => {
    const entry = zip.entries.find((e) => e.name === MANIFEST_MEMBER);
    if (entry === undefined) throw corrupt(label, 'no manifest');
    return readManifestEntry(zip.window, zip, entry, label);
  });
}

function allowedMemberPath(path: string): boolean {
  if (path === DATABASE_MEMBER || path === MANIFEST_MEMBER) return true;
  return DATA_FOLDERS.some((folder) => path === `${folder}/` || path.startsWith(`${folder}/`));
}

export interface CheckOptions {
  /** Extract every member under this folder (fsynced), e.g. a restore's staging folder. */
  extractTo?: string | undefined;
  /** Extract only the database here (to run integrity_check on it). */
  databaseTo?: string | undefined;
}

/** fsync many files, several at a time: one by one, a restore of thousands of files waits on each. */
async function fsyncAll(files: readonly string[]): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < files.length) {
        const handle = await open(files[next++] as string, 'r');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
      }
    }),
  );
}

/** The digest the archive must match: the zip comment, at the very end, names it (archive-digest.ts). */
export async function readTrailer(handle: FileHandle, size: number, label: string): Promise<{ kind: DigestKind; hex: string }> {
  if (size < ZIP_COMMENT_LENGTH + 22) throw corrupt(label, 'too short to be a backup');
  const trailer = Buffer.alloc(ZIP_COMMENT_LENGTH);
  await handle.read(trailer, 0, ZIP_COMMENT_LENGTH, size - ZIP_COMMENT_LENGTH);
  const digest = parseDigestComment(trailer.toString('latin1'));
  if (digest === undefined) throw corrupt(label, 'its end is missing or altered (truncated?)');
  return digest;
}

/** Writes all of `bytes` (a short write is possible on some file systems). */
async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  for (let done = 0; done < bytes.length; ) done += (await handle.write(bytes, done, bytes.length - done)).bytesWritten;
}

/**
 * Checks a plain zip completely, in one read of the file: every byte against the archive's own
 * digest, every member's size and sha256 against the manifest, with nothing missing and nothing
 * extra. Extracts as it reads when asked.
 */
export async function checkArchive(zipPath: string, label: string, options: CheckOptions = {}): Promise<Manifest> {
  const seen = new Map<string, { size: number; sha256: string }>();
  const dirs = new Set<string>();
  const written: string[] = [];
  const made = new Set<string>();
  const ensureDir = async (dir: string) => {
    if (made.has(dir)) return;
    await mkdir(dir, { recursive: true });
    made.add(dir);
  };
  const manifest = await withZip(zipPath, label, async (zip) => {
    const expected = await readTrailer(zip.handle, zip.size, label);
    const reader = new SequentialReader(zip.handle, zip.size - DIGEST_HEX, label, expected.kind);
    let found: Manifest | undefined;
    for (const entry of zip.entries) {
      const name = entry.name;
      if (!allowedMemberPath(name) || seen.has(name) || dirs.has(name.replace(/\/$/, ''))) throw corrupt(label, `unexpected member ${name}`);
      if (entry.isDirectory) {
        dirs.add(name.slice(0, -1));
        if (options.extractTo !== undefined) await ensureDir(join(options.extractTo, name));
        continue;
      }
      if (name === MANIFEST_MEMBER) {
        if (entry.size > MAX_MANIFEST_BYTES) throw corrupt(label, 'manifest too large');
        const start = await dataStart(reader, entry, zip.end, label);
        const pieces: Buffer[] = [];
        await reader.member(start, start + entry.size, (piece) => void pieces.push(Buffer.from(piece)));
        found = parseManifest(Buffer.concat(pieces).toString('utf8'), label);
        continue;
      }
      const target = options.extractTo !== undefined ? join(options.extractTo, name) : name === DATABASE_MEMBER ? options.databaseTo : undefined;
      if (target !== undefined) await ensureDir(dirname(target));
      const start = await dataStart(reader, entry, zip.end, label);
      const out = target === undefined ? undefined : await open(target, 'wx');
      let sha256: string;
      try {
        sha256 = await reader.member(start, start + entry.size, out === undefined ? undefined : (piece) => writeAll(out, piece));
      } finally {
        await out?.close();
      }
      if (target !== undefined && options.extractTo !== undefined) written.push(target);
      seen.set(name, { size: entry.size, sha256 });
    }
    if ((await reader.finish()) !== expected.hex) throw corrupt(label, 'checksum mismatch');
    return found;
  });
  if (manifest === undefined) throw corrupt(label, 'no manifest');
  const listed = new Set(manifest.members.map((m) => m.path));
  for (const member of manifest.members) {
    const actual = seen.get(member.path);
    if (actual === undefined) throw corrupt(label, `missing member ${member.path}`);
    if (actual.size !== member.size || actual.sha256 !== member.sha256) throw corrupt(label, `checksum mismatch in ${member.path}`);
    if (options.extractTo !== undefined) await chmod(join(options.extractTo, member.path), member.mode & 0o777);
  }
  for (const name of seen.keys()) if (!listed.has(name)) throw corrupt(label, `unlisted member ${name}`);
  if (!listed.has(DATABASE_MEMBER)) throw corrupt(label, 'no database');
  for (const dir of manifest.directories) if (!dirs.has(dir)) throw corrupt(label, `missing folder ${dir}`);
  // Extracted files reach the disk before the caller commits to them (a restore's journal).
  await fsyncAll(written);
  return manifest;
}
