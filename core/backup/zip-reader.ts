import type { FileHandle } from 'node:fs/promises';
import { AppError } from '../common/index.ts';
import { ZIP_COMMENT_LENGTH } from './archive-digest.ts';
import { CENTRAL, EOCD, LOCAL, MAX32, ZIP64_EOCD, ZIP64_LOCATOR } from './zip-format.ts';

/**
 * A reader for the zips ZipWriter writes (stored members, data descriptors, ZIP64 when large),
 * strict about everything it does not expect. It reads the central directory in one go (the
 * members are then read front to back by the archive check): a generic zip library costs several
 * streams and round trips per member, which dominates a backup of thousands of generated files.
 */
export interface ZipEntry {
  name: string;
  /** Offset of the member's local header; its data follows the header's name and extra field. */
  localOffset: number;
  size: number;
  isDirectory: boolean;
}

const WINDOW_BYTES = 4 * 1024 * 1024;

function corrupt(label: string, why: string): AppError {
  return new AppError('BACKUP_CORRUPT', `The backup ${label} is damaged (${why}); it cannot be trusted. Use another backup.`, { file: label, why });
}

/** Anything that serves byte ranges of the archive. */
export interface RangeReader {
  read(start: number, end: number): Promise<Buffer>;
}

/**
 * Serves byte ranges from a window read in large pieces (the end records, the central directory).
 * What `read` returns is valid until the next `read`: the window's buffer is reused.
 */
export class ZipWindow implements RangeReader {
  private readonly handle: FileHandle;
  private readonly label: string;
  private start = 0;
  private buffer = Buffer.alloc(0);
  private bytes = Buffer.alloc(0);

  constructor(handle: FileHandle, label: string) {
    this.handle = handle;
    this.label = label;
  }

  async read(start: number, end: number): Promise<Buffer> {
    const label = this.label;
    if (start < this.start || end > this.start + this.bytes.length) {
      if (this.buffer.length < end - start || this.buffer.length < WINDOW_BYTES) this.buffer = Buffer.allocUnsafe(Math.max(WINDOW_BYTES, end - start));
      const { bytesRead } = await this.handle.read(this.buffer, 0, this.buffer.length, start);
      this.start = start;
      this.bytes = this.buffer.subarray(0, bytesRead);
      if (end > start + bytesRead) throw corrupt(label, 'cut short');
    }
    return this.bytes.subarray(start - this.start, end - this.start);
  }
}

function safeName(name: string): boolean {
  if (name === '' || name.includes('\\') || name.includes('\0') || name.startsWith('/') || /^[A-Za-z]:/.test(name)) return false;
  return !name.split('/').some((part) => part === '..' || part === '.');
}

function zip64Field(extra: Buffer, wanted: readonly boolean[]): bigint[] {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      const values: bigint[] = [];
      let cursor = at + 4;
      for (const isWanted of wanted) {
        if (!isWanted) continue;
        values.push(extra.readBigUInt64LE(cursor));
        cursor += 8;
      }
      return values;
    }
    at += 4 + length;
  }
  return [];
}

/** The central directory's members, in file order. */
export async function readZipEntries(handle: FileHandle, size: number, label: string): Promise<{ entries: ZipEntry[]; window: ZipWindow; end: number }> {
  const window = new ZipWindow(handle, label);
  const eocdAt = size - 22 - ZIP_COMMENT_LENGTH;
  if (eocdAt < 0) throw corrupt(label, 'too short to be a backup');
  const eocd = Buffer.from(await window.read(eocdAt, size));
  if (eocd.readUInt32LE(0) !== EOCD || eocd.readUInt16LE(20) !== ZIP_COMMENT_LENGTH) throw corrupt(label, 'no end record');
  let count = eocd.readUInt16LE(10);
  let cdSize = eocd.readUInt32LE(12);
  let cdOffset = eocd.readUInt32LE(16);
  if (count === 0xffff || cdSize === MAX32 || cdOffset === MAX32) {
    const locator = Buffer.from(await window.read(eocdAt - 20, eocdAt));
    if (locator.readUInt32LE(0) !== ZIP64_LOCATOR) throw corrupt(label, 'no ZIP64 locator');
    const recordAt = Number(locator.readBigUInt64LE(8));
    const record = Buffer.from(await window.read(recordAt, recordAt + 56));
    if (record.readUInt32LE(0) !== ZIP64_EOCD) throw corrupt(label, 'no ZIP64 end record');
    count = Number(record.readBigUInt64LE(32));
    cdSize = Number(record.readBigUInt64LE(40));
    cdOffset = Number(record.readBigUInt64LE(48));
  }
  if (cdOffset + cdSize > eocdAt) throw corrupt(label, 'central directory out of bounds');
  const cd = Buffer.from(await window.read(cdOffset, cdOffset + cdSize));
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== CENTRAL) throw corrupt(label, 'central directory damaged');
    const method = cd.readUInt16LE(at + 10);
    let compressed = cd.readUInt32LE(at + 20);
    let uncompressed = cd.readUInt32LE(at + 24);
    const nameLength = cd.readUInt16LE(at + 28);
    const extraLength = cd.readUInt16LE(at + 30);
    const commentLength = cd.readUInt16LE(at + 32);
    let localOffset = cd.readUInt32LE(at + 42);
    const name = cd.toString('utf8', at + 46, at + 46 + nameLength);
    const extra = cd.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    const big = zip64Field(extra, [uncompressed === MAX32, compressed === MAX32, localOffset === MAX32]);
    if (uncompressed === MAX32) uncompressed = Number(big.shift());
    if (compressed === MAX32) compressed = Number(big.shift());
    if (localOffset === MAX32) localOffset = Number(big.shift());
    if (method !== 0 || compressed !== uncompressed || !Number.isSafeInteger(uncompressed) || !Number.isSafeInteger(localOffset)) throw corrupt(label, `unexpected member ${name}`);
    if (!safeName(name)) throw corrupt(label, `unsafe member name ${JSON.stringify(name)}`);
    entries.push({ name, localOffset, size: uncompressed, isDirectory: name.endsWith('/') });
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (at !== cd.length) throw corrupt(label, 'central directory damaged');
  return { entries: entries.sort((a, b) => a.localOffset - b.localOffset), window, end: cdOffset };
}

/** Where a member's data starts, after checking its local header agrees with the directory. */
export async function dataStart(window: RangeReader, entry: ZipEntry, end: number, label: string): Promise<number> {
  const header = await window.read(entry.localOffset, entry.localOffset + 30);
  if (header.readUInt32LE(0) !== LOCAL) throw corrupt(label, `local header of ${entry.name} damaged`);
  const nameLength = header.readUInt16LE(26);
  const extraLength = header.readUInt16LE(28);
  const localName = (await window.read(entry.localOffset + 30, entry.localOffset + 30 + nameLength)).toString('utf8');
  if (localName !== entry.name) throw corrupt(label, `local header of ${entry.name} names another member`);
  const start = entry.localOffset + 30 + nameLength + extraLength;
  if (start + entry.size > end) throw corrupt(label, `${entry.name} out of bounds`);
  return start;
}
