import { createHash, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { AppError } from '../common/index.ts';
import type { DigestKind } from './archive-digest.ts';

const CHUNK_BYTES = 4 * 1024 * 1024;

function corrupt(label: string, why: string): AppError {
  return new AppError('BACKUP_CORRUPT', `The backup ${label} is damaged (${why}); it cannot be trusted. Use another backup.`, { file: label, why });
}

interface Chunk {
  start: number;
  bytes: Buffer;
  /** The whole buffer `bytes` was read into, to reuse. */
  buffer: Buffer;
}

/**
 * Reads an archive once, front to back, in large chunks read into reused buffers, and computes
 * its digest (archive-digest.ts) on the way: the digest and the members' checksums then cost one
 * read and one sha256 of the archive. Requests must move forward (a zip's members, sorted by
 * offset, do); a request behind what was already passed means the directory is lying about the
 * layout. Every byte up to `digestEnd` is passed exactly once, as a gap (zip metadata) or as a
 * member's data.
 */
export class SequentialReader {
  private readonly handle: FileHandle;
  private readonly digestEnd: number;
  private readonly label: string;
  private readonly kind: DigestKind;
  private readonly digest: Hash = createHash('sha256');
  private chunks: Chunk[] = [];
  private readonly spare: Buffer[] = [];
  /** Where the next read from the file starts. */
  private position = 0;
  /** Everything before this was passed (and digested). */
  private passed = 0;

  constructor(handle: FileHandle, digestEnd: number, label: string, kind: DigestKind) {
    this.handle = handle;
    this.digestEnd = digestEnd;
    this.label = label;
    this.kind = kind;
  }

  private async advance(): Promise<void> {
    const buffer = this.spare.pop() ?? Buffer.allocUnsafe(CHUNK_BYTES);
    const { bytesRead } = await this.handle.read(buffer, 0, CHUNK_BYTES, this.position);
    if (bytesRead === 0) throw corrupt(this.label, 'cut short');
    const bytes = buffer.subarray(0, bytesRead);
    if (this.kind === 'flat') {
      const hashed = Math.max(0, Math.min(bytesRead, this.digestEnd - this.position));
      if (hashed > 0) this.digest.update(bytes.subarray(0, hashed));
    }
    this.chunks.push({ start: this.position, bytes, buffer });
    this.position += bytesRead;
  }

  /** Chunks wholly before `offset` go back to the spare buffers. */
  private drop(offset: number): void {
    while (this.chunks.length > 0) {
      const first = this.chunks[0] as Chunk;
      if (first.start + first.bytes.length > offset) return;
      this.chunks.shift();
      this.spare.push(first.buffer);
    }
  }

  /** Hands the bytes [start, end) to `visit` in the pieces they were read in; each piece is valid only during its visit. */
  private async walk(start: number, end: number, visit: (piece: Buffer) => Promise<void> | void): Promise<void> {
    let at = start;
    while (at < end) {
      while (this.position <= at) await this.advance();
      const chunk = this.chunks.find((c) => at >= c.start && at < c.start + c.bytes.length) as Chunk;
      const stop = Math.min(end, chunk.start + chunk.bytes.length);
      await visit(chunk.bytes.subarray(at - chunk.start, stop - chunk.start));
      at = stop;
      this.drop(at);
    }
  }

  /** Passes zip metadata up to `offset`: into the digest byte for byte. */
  private async passTo(offset: number): Promise<void> {
    if (offset < this.passed) throw corrupt(this.label, 'members overlap');
    const from = this.passed;
    this.passed = offset;
    await this.walk(from, offset, (piece) => {
      if (this.kind === 'members') this.digest.update(piece);
    });
  }

  /** A copy of the bytes [start, end) (zip metadata: a local header). */
  async read(start: number, end: number): Promise<Buffer> {
    await this.passTo(start);
    while (this.position < end) await this.advance();
    const out = Buffer.allocUnsafe(end - start);
    for (const chunk of this.chunks) {
      const from = Math.max(start, chunk.start);
      const to = Math.min(end, chunk.start + chunk.bytes.length);
      if (from < to) chunk.bytes.copy(out, from - start, from - chunk.start, to - chunk.start);
    }
    return out;
  }

  /**
   * Passes a member's data [start, end), handing it to `visit` (valid only during the visit), and
   * returns its sha256 (hex), which goes into the digest in the data's place.
   */
  async member(start: number, end: number, visit?: (piece: Buffer) => Promise<void> | void): Promise<string> {
    await this.passTo(start);
    this.passed = end;
    const hash = createHash('sha256');
    await this.walk(start, end, async (piece) => {
      hash.update(piece);
      await visit?.(piece);
    });
    const sha256 = hash.digest();
    if (this.kind === 'members') this.digest.update(sha256);
    return sha256.toString('hex');
  }

  /** Passes whatever remains up to the digest's end and returns the digest (hex). */
  async finish(): Promise<string> {
    await this.passTo(this.digestEnd);
    return this.digest.digest('hex');
  }
}
