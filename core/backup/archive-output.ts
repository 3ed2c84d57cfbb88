import { open } from 'node:fs/promises';
import type { EnvelopeSealer } from './encryption.ts';
import type { ZipSink } from './zip-writer.ts';

/** Where the archive bytes go. The default writes a new file and fsyncs it; tests inject faults. */
export interface ArchiveSink {
  /**
   * Writes `bytes` at `position`. Resolves once all are written; nothing of them may be kept after
   * that (the buffer is reused). Positions mostly follow one another; a placed region (see
   * ArchiveOutput.place) is filled from its end back.
   */
  write(bytes: Buffer, position: number): Promise<void>;
  /** Called after the last byte: make it durable (fsync) and close. */
  finish(): Promise<void>;
  /** Called on failure: close without durability. */
  abort(): Promise<void>;
}
export type SinkFactory = (path: string) => Promise<ArchiveSink>;

export const fileSink: SinkFactory = async (path) => {
  // 'wx': never overwrite anything, the temp name is ours alone.
  const handle = await open(path, 'wx');
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return {
    async write(bytes, position) {
      for (let done = 0; done < bytes.length; ) done += (await handle.write(bytes, done, bytes.length - done, position + done)).bytesWritten;
    },
    async finish() {
      // The one fsync of a backup's archive: every byte before it is in the page cache only.
      await handle.sync();
      await close();
    },
    abort: close,
  };
};

/** Plaintext blocks: 1 MiB, the encryption's block size, so a full block is sealed as it stands. */
const BLOCK_BYTES = 1 << 20;
/** One block filling, one being written, one held back for sealing, one spare. */
const POOL_BLOCKS = 4;

/**
 * The zip's bytes on their way to the sink: gathered into 1 MiB blocks from a small pool of buffers
 * that are used again and again, sealed when the backup is encrypted, and written one block after
 * another while the next one fills. Reusing the buffers matters: a fresh buffer per chunk costs a
 * page fault per 4 KiB touched, and on a virtual machine that returns freed memory to its host
 * this was the largest cost of a backup (measured: 200 MiB read through fresh 1 MiB buffers 0.4–0.7 s,
 * through one reused buffer 0.05 s). Small writes (headers, small files) are copied in, so a
 * thousand small files cost a few large writes.
 */
export class ArchiveOutput implements ZipSink {
  /** Bytes handed to the sink: the file's size once `end` resolves. */
  bytes = 0;
  /** Zip bytes written (before encryption). */
  plainBytes = 0;
  private readonly sink: ArchiveSink;
  private readonly sealer: EnvelopeSealer | undefined;
  private readonly free: Buffer[] = [];
  private current: Buffer;
  private filled = 0;
  /** Encrypted only: the last full block, sealed once it is known whether another follows (the last one is marked). */
  private held: Buffer | undefined;
  private writing: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;
  private wakeUp: (() => void) | undefined;

  constructor(sink: ArchiveSink, sealer?: EnvelopeSealer) {
    this.sink = sink;
    this.sealer = sealer;
    for (let i = 1; i < POOL_BLOCKS; i += 1) this.free.push(Buffer.allocUnsafe(BLOCK_BYTES));
    this.current = Buffer.allocUnsafe(BLOCK_BYTES);
    if (sealer !== undefined) this.send(sealer.header, undefined);
  }

  /**
   * Leaves `size` bytes at the current position for `fill` to write itself, at offsets within the
   * region, in any order (the database member, moved out of its snapshot from the end back).
   * Plain archives only: encrypted blocks are sealed in order.
   */
  async place(size: number, fill: (write: (bytes: Buffer, at: number) => Promise<void>) => Promise<void>): Promise<void> {
    if (this.sealer !== undefined) throw new Error('archive output: an encrypted archive is written in order');
    this.throwIfFailed();
    if (this.filled > 0) {
      this.send(this.current.subarray(0, this.filled), undefined);
      await this.writing;
      this.throwIfFailed();
      this.filled = 0;
    }
    const start = this.bytes;
    this.bytes += size;
    this.plainBytes += size;
    await fill(async (bytes, at) => {
      if (at < 0 || at + bytes.length > size) throw new Error('archive output: a write outside the placed region');
      await this.sink.write(bytes, start + at);
    });
  }

  /** Copies `bytes` in; resolves when they are taken (possibly after waiting for a free buffer). */
  async write(bytes: Buffer): Promise<void> {
    this.plainBytes += bytes.length;
    for (let at = 0; at < bytes.length; ) {
      this.throwIfFailed();
      const n = bytes.copy(this.current, this.filled, at);
      at += n;
      this.filled += n;
      if (this.filled === BLOCK_BYTES) await this.blockFull();
    }
  }

  /** Writes what remains, waits for every write, then has the sink make the file durable. */
  async end(): Promise<void> {
    this.throwIfFailed();
    const rest = this.current.subarray(0, this.filled);
    if (this.sealer === undefined) {
      if (rest.length > 0) this.send(rest, undefined);
    } else if (rest.length > 0) {
      if (this.held !== undefined) this.sendSealed(this.held, false, this.held);
      this.sendSealed(rest, true, undefined);
    } else {
      // The zip ended exactly on a block boundary: the held block is the last one.
      this.sendSealed(this.held ?? Buffer.alloc(0), true, this.held);
    }
    this.held = undefined;
    await this.writing;
    this.throwIfFailed();
    await this.sink.finish();
  }

  /** Stops writing and closes the sink without durability. */
  async abort(): Promise<void> {
    this.failure ??= { error: new Error('archive output aborted') };
    await this.writing;
    await this.sink.abort();
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure.error;
  }

  private async blockFull(): Promise<void> {
    const full = this.current;
    if (this.sealer === undefined) {
      this.send(full, full);
    } else {
      if (this.held !== undefined) this.sendSealed(this.held, false, this.held);
      this.held = full;
    }
    this.filled = 0;
    while (this.free.length === 0) {
      this.throwIfFailed();
      await new Promise<void>((resolve) => (this.wakeUp = resolve));
    }
    this.current = this.free.pop() as Buffer;
  }

  /** Seals a plaintext block; a pooled one is free again at once (the ciphertext is new memory). */
  private sendSealed(plain: Buffer, final: boolean, pooled: Buffer | undefined): void {
    for (const piece of (this.sealer as EnvelopeSealer).seal(plain, final)) this.send(piece, undefined);
    if (pooled !== undefined) this.release(pooled);
  }

  /** Queues a write; `pooled` goes back to the pool once written (or once writing has failed). */
  private send(bytes: Buffer, pooled: Buffer | undefined): void {
    const position = this.bytes;
    this.bytes += bytes.length;
    this.writing = this.writing
      .then(async () => {
        if (this.failure === undefined) await this.sink.write(bytes, position);
      })
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => {
        if (pooled !== undefined) this.release(pooled);
        else this.wake();
      });
  }

  private release(buffer: Buffer): void {
    this.free.push(buffer);
    this.wake();
  }

  private wake(): void {
    const wake = this.wakeUp;
    this.wakeUp = undefined;
    wake?.();
  }
}
