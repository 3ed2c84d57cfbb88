import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { crc32 } from 'node:zlib';

/**
 * Writes a plain zip (stored members, UTF-8 names, Unix modes, ZIP64 when sizes or counts need it)
 * that `unzip` and every zip tool open. Written here rather than with a zip library so that each
 * member is checksummed in one pass with native CRC-32 and sha256: the database member is most of a
 * backup, and a JavaScript CRC over it cost more than the whole SQLite snapshot.
 */
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const CENTRAL = 0x02014b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const EOCD = 0x06054b50;
const MAX32 = 0xffffffff;
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

export class ZipWriter {
  /** The zip's bytes, to pipe wherever they go; writes wait while it is full (backpressure). */
  readonly output = new PassThrough({ highWaterMark: 4 * 1024 * 1024 });
  private offset = 0;
  private readonly central: Central[] = [];

  private async write(bytes: Buffer): Promise<void> {
    this.offset += bytes.length;
    if (!this.output.write(bytes)) await once(this.output, 'drain');
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
    await this.write(this.localHeader(name, FLAG_UTF8, 0, 0, when, false));
  }

  /** A member whose bytes are all in hand: sizes and CRC go in its header. Returns its sha256. */
  async addBuffer(path: string, bytes: Buffer, options: { mode: number; mtime: Date }): Promise<string> {
    const name = Buffer.from(path, 'utf8');
    const when = dosTime(options.mtime);
    const crc = crc32(bytes);
    const zip64 = bytes.length >= MAX32;
    this.central.push({ name, flags: FLAG_UTF8, crc, size: bytes.length, offset: this.offset, ...when, attributes: ((0o100000 | options.mode) << 16) >>> 0 });
    await this.write(this.localHeader(name, FLAG_UTF8, crc, bytes.length, when, zip64));
    await this.write(bytes);
    return createHash('sha256').update(bytes).digest('hex');
  }

  /**
   * A member streamed through (the database): its CRC and sizes follow it in a data descriptor.
   * `expectedSize` decides the ZIP64 layout up front; the actual size is returned (and checked by the caller).
   */
  async addStream(path: string, source: AsyncIterable<Buffer>, options: { mode: number; mtime: Date; expectedSize: number; onBytes?: (n: number) => void }): Promise<{ size: number; sha256: string }> {
    const name = Buffer.from(path, 'utf8');
    const when = dosTime(options.mtime);
    const zip64 = options.expectedSize >= MAX32;
    const flags = FLAG_UTF8 | FLAG_DESCRIPTOR;
    const record: Central = { name, flags, crc: 0, size: 0, offset: this.offset, ...when, attributes: ((0o100000 | options.mode) << 16) >>> 0 };
    await this.write(this.localHeader(name, flags, 0, 0, when, zip64));
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
    await this.write(descriptor);
    this.central.push({ ...record, crc, size });
    return { size, sha256: hash.digest('hex') };
  }

  /** The central directory and end records; `comment` is the archive comment (ASCII). */
  async finish(comment: string): Promise<void> {
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
      await this.write(Buffer.concat([record, entry.name, extra]));
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
      await this.write(Buffer.concat([record, locator]));
    }
    const text = Buffer.from(comment, 'latin1');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(EOCD, 0);
    end.writeUInt16LE(Math.min(count, 0xffff), 8);
    end.writeUInt16LE(Math.min(count, 0xffff), 10);
    end.writeUInt32LE(Math.min(size, MAX32), 12);
    end.writeUInt32LE(Math.min(start, MAX32), 16);
    end.writeUInt16LE(text.length, 20);
    await this.write(Buffer.concat([end, text]));
    this.output.end();
  }
}
