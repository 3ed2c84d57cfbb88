import { isDeepStrictEqual } from 'node:util';
import { open, type FileHandle } from 'node:fs/promises';
import { AppError } from '../common/index.ts';
import { DIGEST_HEX } from './archive-digest.ts';
import type { WrittenArchive } from './archive-writer.ts';
import { readManifestEntry, readTrailer } from './archive-reader.ts';
import { TAG_BYTES, encodeHeader, envelopeSize, openBlock, type ArchiveKey, type EnvelopeHeader } from './encryption.ts';
import { MANIFEST_MEMBER } from './manifest.ts';
import { dataStart, readZipEntries } from './zip-reader.ts';

function unlike(file: string, why: string): AppError {
  return new AppError('BACKUP_CORRUPT', `The backup written to ${file} does not read back as written (${why}); the disk may be failing. Nothing was kept.`, { file, why });
}

async function readAt(handle: FileHandle, start: number, length: number): Promise<Buffer> {
  const bytes = Buffer.alloc(length);
  const { bytesRead } = await handle.read(bytes, 0, length, start);
  return bytes.subarray(0, bytesRead);
}

/**
 * What a new backup must pass before it is renamed into place and listed as verified. By then:
 * - every member's sha256 (in the manifest) and the archive digest (in the zip comment) were
 *   computed from the very buffers that were handed to the file, in one pass;
 * - every write and the fsync succeeded: the kernel reported the bytes on the disk;
 * - the snapshot those member bytes were read from passed `PRAGMA integrity_check`.
 * This function then re-opens the file and checks what a page-cache read can actually prove: the
 * size is what was written (no short or lost write); the end records, the central directory and
 * every member's local header agree with what was written; the manifest reads back identical; the
 * comment holds the digest computed on the way out. Encrypted: the envelope header is intact and
 * the last block authenticates with the key and ends with that digest.
 *
 * It does NOT hash every byte again: right after writing, those bytes come back from the page
 * cache, not from the disk, so a second sha256 of them proves nothing the first did not, and it
 * doubled the cost of a backup. Byte-for-byte re-reading is `backup verify` (verifyArchive): the
 * weekly scheduled verification and every restore check each byte against the digest, on reads
 * that by then come from the disk.
 */
export async function confirmArchive(file: string, written: WrittenArchive, envelope?: { header: EnvelopeHeader; key: ArchiveKey }): Promise<void> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size !== written.bytes) throw unlike(file, `${size} bytes instead of ${written.bytes}`);
    if (envelope === undefined) await confirmZip(file, handle, size, written);
    else await confirmEnvelope(file, handle, size, written, envelope);
  } finally {
    await handle.close();
  }
}

async function confirmZip(file: string, handle: FileHandle, size: number, written: WrittenArchive): Promise<void> {
  const trailer = await readTrailer(handle, size, file);
  if (trailer.kind !== 'members' || trailer.hex !== written.digest) throw unlike(file, 'archive digest');
  const zip = await readZipEntries(handle, size, file);
  const { manifest } = written;
  const expected = new Map<string, number>([[MANIFEST_MEMBER, -1], ...manifest.members.map((m) => [m.path, m.size] as const), ...manifest.directories.map((d) => [`${d}/`, 0] as const)]);
  if (zip.entries.length !== expected.size) throw unlike(file, `${zip.entries.length} members instead of ${expected.size}`);
  for (const entry of zip.entries) {
    const size = expected.get(entry.name);
    if (size === undefined || (size >= 0 && size !== entry.size)) throw unlike(file, `member ${entry.name}`);
    if (entry.name === MANIFEST_MEMBER) {
      if (!isDeepStrictEqual(await readManifestEntry(zip.window, zip, entry, file), manifest)) throw unlike(file, 'manifest');
    } else {
      await dataStart(zip.window, entry, zip.end, file);
    }
  }
}

async function confirmEnvelope(file: string, handle: FileHandle, size: number, written: WrittenArchive, envelope: { header: EnvelopeHeader; key: ArchiveKey }): Promise<void> {
  const { bytes: header, digest } = encodeHeader(envelope.header);
  const chunk = envelope.header.chunkBytes;
  if (size !== envelopeSize(header.length, written.plainBytes, chunk)) throw unlike(file, 'envelope size');
  if (!(await readAt(handle, 0, header.length)).equals(header)) throw unlike(file, 'envelope header');
  const blocks = Math.max(1, Math.ceil(written.plainBytes / chunk));
  const lastAt = header.length + (blocks - 1) * (chunk + TAG_BYTES);
  const last = openBlock(file, envelope.key, digest, blocks - 1, true, await readAt(handle, lastAt, size - lastAt));
  if (last.length !== written.plainBytes - (blocks - 1) * chunk || last.subarray(last.length - DIGEST_HEX).toString('latin1') !== written.digest) throw unlike(file, 'last block');
}
