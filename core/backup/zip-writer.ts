import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { DIGEST_PREFIX } from './archive-digest.ts';
import { CENTRAL, DESCRIPTOR, EOCD, LOCAL, MAX32, ZIP64_EOCD, ZIP64_LOCATOR } from './zip-format.ts';

/**
 * Writes a plain zip (stored members, UTF-8 names, Unix modes, ZIP64 when sizes or counts need it)
 * that `unzip` and every zip tool open. Written here rather than with a zip library so that each
 * member is checksummed in one pass with native CRC-32 and sha256: the database member is most of a
 * backup, and a JavaScript CRC over it cost more than the whole SQLite snapshot. The same pass
 * feeds the archive digest (archive-digest.ts), which ends the zip as its comment.
 */
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const MADE_BY_UNIX = (3 << 8) | 45;

interface Central {
  name: Buffer;
  flags: number;
  crc: number;
  size: number;
  offset: number;
  time: number;
  date: number;
  attributes: number;
}

function dosTime(date: Date): { time: number; date: number } {
  const year = Math.max(1980, Math.min(2107, date.getFullYear()));
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

function zip64Extra(values: readonly number[]): Buffer {
  const extra = Buffer.alloc(4 + 8 * values.length);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(8 * values.length, 2);
  values.forEach((v, i) => extra.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
  return extra;
}

/** Where the zip's bytes go, in order. `write` may keep nothing of `bytes` once it resolves: callers reuse them. */
export interface ZipSink {
  write(bytes: Buffer): Promise<void>;
  /** Leaves `size` bytes for `fill` to write at offsets within them, in any order. */
  place(size: number, fill: (write: (bytes: Buffer, at: number) => Promise<void>) => Promise<void>): Promise<void>;
}

export class ZipWriter {
  private readonly out: ZipSink;
  private offset = 0;
  private readonly central: Central[] = [];
  /** The archive digest: metadata byte for byte, member data through its sha256. */
  private readonly digest = createHash('sha256');

  constructor(out: ZipSink) {
    this.out = out;
  }

  private async write(bytes: Buffer): Promise<void> {
    this.offset += bytes.length;
    await this.out.write(bytes);
  }

  /** Zip structure: goes into the archive digest as it is. */
  private async meta(bytes: Buffer): Promise<void> {
    this.digest.update(bytes);
    await this.write(bytes);
  }

  private localHeader(name: Buffer, flags: number, crc: number, size: number, when: { time: number; date: number }, zip64: boolean): Buffer {
    const extra = zip64 ? zip64Extra([size, size]) : Buffer.alloc(0);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL, 0);
    header.writeUInt16LE(zip64 ? 45 : 20, 4);
    header.writeUInt16LE(flags, 6);
    header.writeUInt16LE(0, 8);
    header.writeUInt16LE(when.time, 10);
    header.writeUInt16LE(when.date, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(zip64 ? MAX32 : size, 18);
    header.writeUInt32LE(zip64 ? MAX32 : size, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(extra.length, 28);
    return Buffer.concat([header, name, extra]);
  }

  async addDirectory(path: string, mtime: Date): Promise<void> {
    const name = Buffer.from(path.endsWith('/') ? path : `${path}/`, 'utf8');
    const when = dosTime(mtime);
    this.central.push({ name, flags: FLAG_UTF8, crc: 0, size: 0, offset: this.offset, ...when, attributes: ((0o40755 << 16) | 0x10) >>> 0 });
    await this.meta(this.localHeader(name, FLAG_UTF8, 0, 0, when, false));
  }

  /** A member whose bytes are all in hand: sizes and CRC go in its header. Returns its sha256. */
  async addBuffer(path: string, bytes: Buffer, options: { mode: number; mtime: Date }): Promise<string> {
    const name = Buffer.from(path, 'utf8');
    const when = dosTime(options.mtime);
    const crc = crc32(bytes);
    const zip64 = bytes.length >= MAX32;
    this.central.push({ name, flags: FLAG_UTF8, crc, size: bytes.length, offset: this.offset, ...when, attributes: ((0o100000 | options.mode) << 16) >>> 0 });
    await this.meta(this.localHeader(name, FLAG_UTF8, crc, bytes.length, when, zip64));
    const sha256 = createHash('sha256').update(bytes).digest();
    await this.write(bytes);
    this.digest.update(sha256);
    return sha256.toString('hex');
  }

  /**
   * A member checksummed beforehand (the database snapshot, hashed while its integrity was checked):
   * sizes and CRC go in its header, then `fill` writes its bytes, which must be those hashed, in any order.
   */
  async addHashed(path: string, member: { size: number; crc: number; sha256: Buffer; mode: number; mtime: Date }, fill: (write: (bytes: Buffer, at: number) => Promise<void>) => Promise<void>): Promise<void> {
    const name = Buffer.from(path, 'utf8');
    const when = dosTime(member.mtime);
    this.central.push({ name, flags: FLAG_UTF8, crc: member.crc, size: member.size, offset: this.offset, ...when, attributes: ((0o100000 | member.mode) << 16) >>> 0 });
    await this.meta(this.localHeader(name, FLAG_UTF8, member.crc, member.size, when, member.size >= MAX32));
    this.offset += member.size;
    await this.out.place(member.size, fill);
    this.digest.update(member.sha256);
  }

  /**
   * A member streamed through (the database, when encrypted): its CRC and sizes follow it in a data descriptor.
   * `expectedSize` decides the ZIP64 layout up front; the actual size is returned (and checked by the caller).
   * `source` may reuse its buffer from one chunk to the next: each is written before the next is asked for.
   */
  async addStream(path: string, source: AsyncIterable<Buffer>, options: { mode: number; mtime: Date; expectedSize: number; onBytes?: (n: number) => void }): Promise<{ size: number; sha256: string }> {
    const name = Buffer.from(path, 'utf8');
    const when = dosTime(options.mtime);
    const zip64 = options.expectedSize >= MAX32;
    const flags = FLAG_UTF8 | FLAG_DESCRIPTOR;
    const record: Central = { name, flags, crc: 0, size: 0, offset: this.offset, ...when, attributes: ((0o100000 | options.mode) << 16) >>> 0 };
    await this.meta(this.localHeader(name, flags, 0, 0, when, zip64));
    const hash = createHash('sha256');
    let crc = 0;
    let size = 0;
    for await (const chunk of source) {
      crc = crc32(chunk, crc);
      hash.update(chunk);
      size += chunk.length;
      options.onBytes?.(chunk.length);
      await this.write(chunk);
    }
    const descriptor = Buffer.alloc(zip64 ? 24 : 16);
    descriptor.writeUInt32LE(DESCRIPTOR, 0);
    descriptor.writeUInt32LE(crc, 4);
    if (zip64) {
      descriptor.writeBigUInt64LE(BigInt(size), 8);
      descriptor.writeBigUInt64LE(BigInt(size), 16);
    } else {
      descriptor.writeUInt32LE(size, 8);
      descriptor.writeUInt32LE(size, 12);
    }
    const sha256 = hash.digest();
    this.digest.update(sha256);
    await this.meta(descriptor);
    this.central.push({ ...record, crc, size });
    return { size, sha256: sha256.toString('hex') };
  }

  /** The central directory and end records, then the comment holding the archive digest, which is returned (hex). */
  async finish(): Promise<string> {
    const start = this.offset;
    for (const entry of this.central) {
      const big = [entry.size >= MAX32 ? [entry.size, entry.size] : [], entry.offset >= MAX32 ? [entry.offset] : []].flat();
      const extra = big.length > 0 ? zip64Extra(big) : Buffer.alloc(0);
      const record = Buffer.alloc(46);
      record.writeUInt32LE(CENTRAL, 0);
      record.writeUInt16LE(MADE_BY_UNIX, 4);
      record.writeUInt16LE(big.length > 0 ? 45 : 20, 6);
      record.writeUInt16LE(entry.flags, 8);
      record.writeUInt16LE(0, 10);
      record.writeUInt16LE(entry.time, 12);
      record.writeUInt16LE(entry.date, 14);
      record.writeUInt32LE(entry.crc, 16);
      record.writeUInt32LE(entry.size >= MAX32 ? MAX32 : entry.size, 20);
      record.writeUInt32LE(entry.size >= MAX32 ? MAX32 : entry.size, 24);
      record.writeUInt16LE(entry.name.length, 28);
      record.writeUInt16LE(extra.length, 30);
      record.writeUInt32LE(entry.attributes, 38);
      record.writeUInt32LE(entry.offset >= MAX32 ? MAX32 : entry.offset, 42);
      await this.meta(Buffer.concat([record, entry.name, extra]));
    }
    const size = this.offset - start;
    const count = this.central.length;
    if (count >= 0xffff || size >= MAX32 || start >= MAX32) {
      const zip64At = this.offset;
      const record = Buffer.alloc(56);
      record.writeUInt32LE(ZIP64_EOCD, 0);
      record.writeBigUInt64LE(44n, 4);
      record.writeUInt16LE(MADE_BY_UNIX, 12);
      record.writeUInt16LE(45, 14);
      record.writeBigUInt64LE(BigInt(count), 24);
      record.writeBigUInt64LE(BigInt(count), 32);
      record.writeBigUInt64LE(BigInt(size), 40);
      record.writeBigUInt64LE(BigInt(start), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(ZIP64_LOCATOR, 0);
      locator.writeBigUInt64LE(BigInt(zip64At), 8);
      locator.writeUInt32LE(1, 16);
      await this.meta(Buffer.concat([record, locator]));
    }
    const prefix = Buffer.from(DIGEST_PREFIX, 'latin1');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(EOCD, 0);
    end.writeUInt16LE(Math.min(count, 0xffff), 8);
    end.writeUInt16LE(Math.min(count, 0xffff), 10);
    end.writeUInt32LE(Math.min(size, MAX32), 12);
    end.writeUInt32LE(Math.min(start, MAX32), 16);
    end.writeUInt16LE(prefix.length + 64, 20);
    await this.meta(Buffer.concat([end, prefix]));
    const digest = this.digest.digest('hex');
    await this.write(Buffer.from(digest, 'latin1'));
    return digest;
  }
}
