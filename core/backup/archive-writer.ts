import { createReadStream, createWriteStream } from 'node:fs';
import { lstat, readFile } from 'node:fs/promises';
import { Transform, type TransformCallback, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../common/index.ts';
import { ZIP_COMMENT, digestTail } from './archive-digest.ts';
import { collectDataFiles, type SourceFile } from './archive-sources.ts';
import { encryptStream, type ArchiveKey, type EnvelopeHeader } from './encryption.ts';
import { DATABASE_MEMBER, MANIFEST_MEMBER, type Manifest, type ManifestMember } from './manifest.ts';
import { ZipWriter } from './zip-writer.ts';

const PREFETCH_MAX_BYTES = 256 * 1024;
const PREFETCH_AHEAD = 32;

/** Where the archive bytes go. The default writes a new file and fsyncs it; tests inject faults. */
export interface ArchiveSink {
  stream: Writable;
  /** Called after the last byte: make it durable (fsync) and close. */
  finish(): Promise<void>;
  /** Called on failure: close without durability. */
  abort(): Promise<void>;
}
export type SinkFactory = (path: string) => Promise<ArchiveSink>;

export const fileSink: SinkFactory = async (path) => {
  // 'wx': never overwrite anything, the temp name is ours alone; `flush`: fsync before the close
  // that the pipeline waits for, so a finished pipeline means durable bytes.
  const stream = createWriteStream(path, { flags: 'wx', flush: true, highWaterMark: 1 << 20 });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  return {
    stream,
    finish: async () => undefined,
    abort: async () => {
      stream.destroy();
    },
  };
};

/**
 * A zip is many small pieces (headers, small members, descriptors); written as they come, a
 * thousand small files cost thousands of write calls. This gathers them into 1 MiB writes.
 */
function coalesce(bytes: number): Transform {
  let parts: Buffer[] = [];
  let length = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      parts.push(chunk);
      length += chunk.length;
      if (length >= bytes) {
        this.push(parts.length === 1 ? chunk : Buffer.concat(parts, length));
        parts = [];
        length = 0;
      }
      callback();
    },
    flush(callback: TransformCallback) {
      if (length > 0) this.push(Buffer.concat(parts, length));
      callback();
    },
  });
}

export interface WriteArchiveOptions {
  target: string;
  snapshotFile: string;
  dataDir: string;
  manifest: Omit<Manifest, 'members' | 'folders' | 'directories'>;
  envelope?: { header: EnvelopeHeader; key: ArchiveKey } | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
  sink?: SinkFactory | undefined;
}

/**
 * Writes the archive: a zip of the database snapshot and the data folders, every member hashed as
 * it goes, the manifest last, the whole-file digest in the zip comment, optionally inside the
 * encrypted envelope. Returns the manifest written; the file is fsynced when this resolves.
 * Small files are read ahead, several at a time: one open/read/close round trip after another
 * would dominate a backup of thousands of generated files.
 */
export async function writeArchive(options: WriteArchiveOptions): Promise<{ manifest: Manifest; bytes: number }> {
  const { folders, directories, files } = await collectDataFiles(options.dataDir);
  const snapshotStats = await lstat(options.snapshotFile);
  const mtime = new Date(options.manifest.createdAt);
  const sources: SourceFile[] = [{ path: DATABASE_MEMBER, abs: options.snapshotFile, size: snapshotStats.size, mode: 0o644, mtime }, ...files];
  const total = sources.reduce((sum, s) => sum + s.size, 0);
  let done = 0;
  let lastReport = 0;
  const report = (n: number) => {
    done += n;
    if (options.onProgress !== undefined && (done - lastReport > total / 50 || done === total)) {
      lastReport = done;
      options.onProgress(done, total);
    }
  };

  const zip = new ZipWriter();
  let bytes = 0;
  const stages: (NodeJS.ReadableStream | NodeJS.WritableStream)[] = [zip.output, coalesce(1 << 20), digestTail()];
  if (options.envelope !== undefined) stages.push(encryptStream(options.envelope.header, options.envelope.key));
  stages.push(
    new Transform({
      transform(chunk: Buffer, _encoding, callback: TransformCallback) {
        bytes += chunk.length;
        callback(null, chunk);
      },
    }),
  );
  const sink = await (options.sink ?? fileSink)(options.target);

  const prefetched = new Map<number, Promise<Buffer>>();
  const prefetch = (index: number) => {
    const source = sources[index];
    if (source === undefined || source.size > PREFETCH_MAX_BYTES || prefetched.has(index)) return;
    const read = readFile(source.abs);
    read.catch(() => undefined);
    prefetched.set(index, read);
  };
  const changed = (source: SourceFile) => new AppError('CONFLICT', `${source.path} changed while it was being backed up; run the backup again.`, { path: source.path });
  let input: ReturnType<typeof createReadStream> | undefined;

  const feed = async (): Promise<Manifest> => {
    for (const dir of directories) await zip.addDirectory(dir, mtime);
    const members: ManifestMember[] = [];
    for (const [index, source] of sources.entries()) {
      options.signal?.throwIfAborted();
      if (source.size <= PREFETCH_MAX_BYTES && index > 0) {
        for (let ahead = index; ahead < index + PREFETCH_AHEAD; ahead += 1) prefetch(ahead);
        const content = await (prefetched.get(index) as Promise<Buffer>);
        prefetched.delete(index);
        if (content.length !== source.size) throw changed(source);
        const sha256 = await zip.addBuffer(source.path, content, source);
        members.push({ path: source.path, size: content.length, sha256, mode: source.mode });
        report(content.length);
        continue;
      }
      input = createReadStream(source.abs, { highWaterMark: 1 << 20 });
      const { size, sha256 } = await zip.addStream(source.path, input, { ...source, expectedSize: source.size, onBytes: report });
      if (size !== source.size) throw changed(source);
      members.push({ path: source.path, size, sha256, mode: source.mode });
    }
    const manifest: Manifest = { ...options.manifest, folders, directories, members };
    await zip.addBuffer(MANIFEST_MEMBER, Buffer.from(JSON.stringify(manifest, null, 1), 'utf8'), { mode: 0o644, mtime });
    await zip.finish(ZIP_COMMENT);
    return manifest;
  };

  const feeding = feed();
  feeding.catch((error: unknown) => zip.output.destroy(error as Error));
  try {
    await pipeline([...stages, sink.stream], options.signal === undefined ? {} : { signal: options.signal });
    await sink.finish();
    return { manifest: await feeding, bytes };
  } catch (error) {
    input?.destroy();
    // The feeder may wait for room in the output that will never come: it is abandoned with the output.
    await Promise.race([feeding.catch(() => undefined), new Promise((resolve) => setImmediate(resolve))]);
    await sink.abort().catch(() => undefined);
    throw error;
  }
}
