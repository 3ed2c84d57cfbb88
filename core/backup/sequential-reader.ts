import { createHash, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { AppError } from '../common/index.ts';

const CHUNK_BYTES = 4 * 1024 * 1024;

function corrupt(label: string, why: string): AppError {
  return new AppError('BACKUP_CORRUPT', `The backup ${label} is damaged (${why}); it cannot be trusted. Use another backup.`, { file: label, why });
}

/**
 * Reads a file once, front to back, in large chunks, and hashes every byte before `digestEnd` on
 * the way: the whole-file digest and the members' checksums then cost one read of the archive,
 * not two. Requests must move forward (a zip's members, sorted by offset, do); a request behind
 * what was already passed means the directory is lying about the layout.
 */
export class SequentialReader {
  private readonly handle: FileHandle;
  private readonly digestEnd: number;
  private readonly label: string;
  private readonly digest: Hash = createHash('sha256');
  private chunks: { start: number; bytes: Buffer }[] = [];
  private position = 0;

  constructor(handle: FileHandle, digestEnd: number, label: string) {
    this.handle = handle;
    this.digestEnd = digestEnd;
    this.label = label;
  }

  private async advance(): Promise<void> {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const { bytesRead } = await this.handle.read(buffer, 0, CHUNK_BYTES, this.position);
    if (bytesRead === 0) throw corrupt(this.label, 'cut short');
    const bytes = buffer.subarray(0, bytesRead);
    const hashed = Math.max(0, Math.min(bytesRead, this.digestEnd - this.position));
    if (hashed > 0) this.digest.update(bytes.subarray(0, hashed));
    this.chunks.push({ start: this.position, bytes });
    this.position += bytesRead;
  }

  /** The bytes [start, end); `start` may not be before an earlier request's start. */
  async read(start: number, end: number): Promise<Buffer> {
    this.chunks = this.chunks.filter((c) => c.start + c.bytes.length > start);
    if (this.chunks.length > 0 && start < (this.chunks[0] as { start: number }).start) throw corrupt(this.label, 'members overlap');
    if (this.chunks.length === 0 && start < this.position) throw corrupt(this.label, 'members overlap');
    while (this.position < end) await this.advance();
    this.chunks = this.chunks.filter((c) => c.start + c.bytes.length > start);
    if (end === start) return Buffer.alloc(0);
    const first = this.chunks[0] as { start: number; bytes: Buffer };
    if (end <= first.start + first.bytes.length) return first.bytes.subarray(start - first.start, end - first.start);
    const joined = Buffer.concat(this.chunks.map((c) => c.bytes));
    return joined.subarray(start - first.start, end - first.start);
  }

  /** Hands over the bytes [start, end) in the pieces they were read in, without copying them. */
  async forEach(start: number, end: number, visit: (piece: Buffer) => Promise<void> | void): Promise<void> {
    let at = start;
    while (at < end) {
      this.chunks = this.chunks.filter((c) => c.start + c.bytes.length > at);
      if (this.chunks.length > 0 ? at < (this.chunks[0] as { start: number }).start : at < this.position) throw corrupt(this.label, 'members overlap');
      while (this.position <= at) await this.advance();
      const chunk = this.chunks.find((c) => at >= c.start && at < c.start + c.bytes.length) as { start: number; bytes: Buffer };
      const stop = Math.min(end, chunk.start + chunk.bytes.length);
      await visit(chunk.bytes.subarray(at - chunk.start, stop - chunk.start));
      at = stop;
    }
  }

  /** Reads whatever remains up to the digest's end and returns the digest (hex). */
  async finish(): Promise<string> {
    while (this.position < this.digestEnd) {
      this.chunks = [];
      await this.advance();
    }
    return this.digest.digest('hex');
  }
}
