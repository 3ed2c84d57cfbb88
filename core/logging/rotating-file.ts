import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Disposable } from '../common/index.ts';

export interface RotatingFileOptions {
  dir: string;
  /** File stem: `<name>.log` is current, `<name>-<ISO time>-<n>.log` are rotated ones. */
  name?: string;
  /** Rotate before the current file would grow past this. */
  maxBytes?: number;
  /** Rotated files kept besides the current one; older ones are deleted. */
  maxFiles?: number;
}

export const DEFAULT_LOG_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_LOG_MAX_FILES = 10;

/**
 * A size-rotated, append-only log file (pino-roll is not a dependency). Writes are synchronous
 * appends, so a line is on disk before the call returns and a crash loses nothing already logged.
 * Another process appending to the same file is safe (O_APPEND); rotation by two processes at
 * once can at worst split a file early.
 */
export class RotatingFile implements Disposable {
  readonly dir: string;
  readonly name: string;
  private readonly maxBytes: number;
  private readonly maxFiles: number;
  private fd: number | null = null;
  private size = 0;

  constructor(options: RotatingFileOptions) {
    this.dir = options.dir;
    this.name = options.name ?? 'dihya';
    this.maxBytes = options.maxBytes ?? DEFAULT_LOG_MAX_BYTES;
    this.maxFiles = options.maxFiles ?? DEFAULT_LOG_MAX_FILES;
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    this.open();
  }

  get currentPath(): string {
    return join(this.dir, `${this.name}.log`);
  }

  private open(): void {
    this.fd = openSync(this.currentPath, 'a', 0o600);
    this.size = fstatSync(this.fd).size;
  }

  private close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  write(chunk: string): boolean {
    if (this.fd === null) return false;
    const bytes = Buffer.byteLength(chunk);
    if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
    writeSync(this.fd as number, chunk);
    this.size += bytes;
    return true;
  }

  rotate(): void {
    this.close();
    const stamp = new Date().toISOString().replace(/:/g, '-');
    // The counter keeps names in time order even for several rotations within one millisecond.
    let target = '';
    for (let n = 0; target === '' || existsSync(target); n += 1) target = join(this.dir, `${this.name}-${stamp}-${String(n).padStart(3, '0')}.log`);
    if (existsSync(this.currentPath)) renameSync(this.currentPath, target);
    this.open();
    for (const old of this.rotatedFiles().slice(this.maxFiles)) rmSync(old, { force: true });
  }

  /** Rotated files, newest first. */
  rotatedFiles(): string[] {
    const pattern = new RegExp(`^${this.name}-.+\\.log$`);
    return readdirSync(this.dir)
      .filter((file) => pattern.test(file))
      .sort()
      .reverse()
      .map((file) => join(this.dir, file));
  }

  /** Every log file, current first. */
  files(): string[] {
    return [this.currentPath, ...this.rotatedFiles()].filter((file) => existsSync(file));
  }

  /** Deletes rotated files last written before `cutoff` (retention). Returns how many. */
  pruneOlderThan(cutoff: Date): number {
    let deleted = 0;
    for (const file of this.rotatedFiles()) {
      if (statSync(file).mtime < cutoff) {
        rmSync(file, { force: true });
        deleted += 1;
      }
    }
    return deleted;
  }

  /**
   * Rewrites every log file keeping only the lines `keep` accepts (erasure of one project), or
   * empties them all when `keep` is omitted (erasure of everything). Each file is replaced by
   * rename, so a reader never sees half a file.
   */
  scrub(keep?: (line: string) => boolean): number {
    this.close();
    let dropped = 0;
    try {
      for (const file of [this.currentPath, ...this.rotatedFiles()]) {
        if (!existsSync(file)) continue;
        if (keep === undefined) {
          if (file === this.currentPath) writeFileSync(file, '', { mode: 0o600 });
          else rmSync(file, { force: true });
          dropped += 1;
          continue;
        }
        const lines = readFileSync(file, 'utf8').split('\n');
        const kept = lines.filter((line) => line === '' || keep(line));
        if (kept.length === lines.length) continue;
        dropped += lines.length - kept.length;
        const temp = `${file}.${process.pid}.tmp`;
        writeFileSync(temp, kept.join('\n'), { mode: 0o600 });
        renameSync(temp, file);
      }
    } finally {
      this.open();
    }
    return dropped;
  }

  dispose(): void {
    this.close();
  }
}
