import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CID } from 'multiformats/cid';
import { blockKey } from './cid.ts';

// The blockstore interface Helia takes, written out: two versions of interface-blockstore are
// installed (Helia's and blockstore-fs's), whose types differ in name only.
interface AbortOptions {
  signal?: AbortSignal;
}
type Bytes = Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;
interface InputPair {
  cid: CID;
  bytes: Bytes;
}
interface Pair {
  cid: CID;
  bytes: Generator<Uint8Array> | AsyncGenerator<Uint8Array>;
}
/** What is used of the file blockstore underneath. */
export interface FileBlockstore {
  put(cid: CID, bytes: Bytes, options?: AbortOptions): Promise<CID>;
  get(cid: CID, options?: AbortOptions): Generator<Uint8Array> | AsyncGenerator<Uint8Array>;
  has(cid: CID, options?: AbortOptions): Promise<boolean>;
  delete(cid: CID, options?: AbortOptions): Promise<void>;
  getAll(options?: AbortOptions): Generator<Pair> | AsyncGenerator<Pair>;
}

/**
 * Blocks up to this size live in one SQLite file; larger ones stay one file each. A site is mostly
 * small files, and creating a file (inode, directory entry, then a rename) cost 100–600 µs on the
 * disks measured, ten times the rest of publishing a small file (bench/publish.bench.ts). Leaves
 * of big files (256 KiB or 1 MiB) stay files: SQLite would write them twice (WAL, then database).
 */
export const SMALL_BLOCK_BYTES = 64 * 1024;

async function concat(bytes: Bytes): Promise<Uint8Array> {
  if (bytes instanceof Uint8Array) return bytes;
  const chunks: Uint8Array[] = [];
  for await (const chunk of bytes) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * The node's blockstore: small blocks in `<repo>/small-blocks.sqlite`, the rest in the file
 * blockstore it wraps. Blocks are named by multihash in both, as the pin table names them.
 *
 * Erasure leaves no trace: `secure_delete` overwrites a deleted block's pages, and `compact()`
 * (called after garbage collection) checkpoints the WAL into the database and truncates it.
 */
export class TieredBlockstore {
  private readonly small: BetterSqlite3.Database;
  private readonly large: FileBlockstore;
  /** Small blocks put but not yet committed (see commitSoon), readable meanwhile. */
  private readonly pending = new Map<string, { cid: CID; bytes: Uint8Array }>();
  private commit: Promise<void> | null = null;
  private readonly statements: {
    put: BetterSqlite3.Statement<[string, string, Uint8Array]>;
    get: BetterSqlite3.Statement<[string]>;
    has: BetterSqlite3.Statement<[string]>;
    del: BetterSqlite3.Statement<[string]>;
    all: BetterSqlite3.Statement<[]>;
  };

  constructor(file: string, large: FileBlockstore) {
    mkdirSync(dirname(file), { recursive: true });
    this.small = new BetterSqlite3(file);
    this.small.pragma('journal_mode = WAL');
    this.small.pragma('synchronous = NORMAL');
    this.small.pragma('busy_timeout = 5000');
    this.small.pragma('secure_delete = ON');
    this.small.exec('create table if not exists blocks (key text primary key, cid text not null, bytes blob not null) without rowid');
    this.large = large;
    this.statements = {
      put: this.small.prepare('insert or ignore into blocks (key, cid, bytes) values (?, ?, ?)'),
      get: this.small.prepare('select bytes from blocks where key = ?').pluck(),
      has: this.small.prepare('select 1 from blocks where key = ?').pluck(),
      del: this.small.prepare('delete from blocks where key = ?'),
      all: this.small.prepare('select cid from blocks').pluck(),
    };
  }

  async put(cid: CID, bytes: Bytes, options?: AbortOptions): Promise<CID> {
    options?.signal?.throwIfAborted();
    if (bytes instanceof Uint8Array && bytes.byteLength <= SMALL_BLOCK_BYTES) {
      this.pending.set(blockKey(cid), { cid, bytes });
      await this.commitSoon();
      return cid;
    }
    return this.large.put(cid, bytes, options);
  }

  /**
   * Puts arrive from the importer dozens at a time; one commit each cost 120 µs. They are
   * committed together once the current turn of the event loop is over, and each put resolves
   * only after that commit.
   */
  private commitSoon(): Promise<void> {
    this.commit ??= new Promise<void>((resolve, reject) => {
      setImmediate(() => {
        const batch = [...this.pending];
        this.commit = null;
        try {
          this.small.transaction(() => {
            for (const [key, { cid, bytes }] of batch) this.statements.put.run(key, cid.toString(), bytes);
          })();
          resolve();
        } catch (error) {
          reject(error as Error);
        } finally {
          for (const [key, entry] of batch) if (this.pending.get(key) === entry) this.pending.delete(key);
        }
      });
    });
    return this.commit;
  }

  async *putMany(source: AsyncIterable<InputPair> | Iterable<InputPair>, options?: AbortOptions): AsyncGenerator<CID> {
    for await (const { cid, bytes } of source) yield await this.put(cid, await concat(bytes), options);
  }

  async *get(cid: CID, options?: AbortOptions): AsyncGenerator<Uint8Array> {
    options?.signal?.throwIfAborted();
    const key = blockKey(cid);
    const waiting = this.pending.get(key);
    if (waiting !== undefined) {
      yield waiting.bytes;
      return;
    }
    const bytes = this.statements.get.get(key) as Buffer | undefined;
    if (bytes !== undefined) {
      yield new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      return;
    }
    yield* this.large.get(cid, options);
  }

  async *getMany(source: AsyncIterable<CID> | Iterable<CID>, options?: AbortOptions): AsyncGenerator<Pair> {
    for await (const cid of source) yield { cid, bytes: this.get(cid, options) };
  }

  async has(cid: CID, options?: AbortOptions): Promise<boolean> {
    const key = blockKey(cid);
    if (this.pending.has(key) || this.statements.has.get(key) !== undefined) return true;
    return this.large.has(cid, options);
  }

  async delete(cid: CID, options?: AbortOptions): Promise<void> {
    const key = blockKey(cid);
    this.pending.delete(key);
    this.statements.del.run(key);
    await this.large.delete(cid, options);
  }

  /** Garbage collection deletes thousands at once: the small ones go in one transaction. */
  async *deleteMany(source: AsyncIterable<CID> | Iterable<CID>, options?: AbortOptions): AsyncGenerator<CID> {
    const cids: CID[] = [];
    for await (const cid of source) cids.push(cid);
    this.small.transaction(() => {
      for (const cid of cids) {
        const key = blockKey(cid);
        this.pending.delete(key);
        this.statements.del.run(key);
      }
    })();
    for (const cid of cids) {
      await this.large.delete(cid, options);
      yield cid;
    }
  }

  async *getAll(options?: AbortOptions): AsyncGenerator<Pair> {
    // Read the names first: the caller may delete blocks while it walks them (garbage collection).
    const small = this.statements.all.all() as string[];
    for (const text of small) {
      const cid = CID.parse(text);
      yield { cid, bytes: this.get(cid, options) };
    }
    yield* this.large.getAll(options);
  }

  /** After deletions: the WAL, which still holds deleted blocks, is folded into the database and emptied. */
  compact(): void {
    this.small.pragma('wal_checkpoint(TRUNCATE)');
  }

  close(): void {
    if (this.small.open) this.small.close();
  }
}
