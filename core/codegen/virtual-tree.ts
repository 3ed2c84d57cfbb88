import { AppError } from '../common/index.ts';
import { LOCK_FILE_NAME } from './lock-file.ts';
import { comparePaths, unsafePathReason } from './safe-path.ts';

/** A generated project in memory: relative path → bytes. Nothing touches the disk until it is valid. */
export type VirtualTree = Map<string, Uint8Array>;

export const TREE_LIMITS = Object.freeze({ maxFiles: 20_000, maxFileBytes: 8 * 1024 * 1024, maxTotalBytes: 256 * 1024 * 1024 });

function refuse(message: string, details: Record<string, unknown>): AppError {
  return new AppError('VALIDATION_FAILED', message, { ...details, reason: 'output-tree' });
}

/** Adds one file, refusing an unsafe path or a path written twice (also case-insensitively). */
export class TreeBuilder {
  readonly tree: VirtualTree = new Map();
  private readonly folded = new Map<string, string>();
  private bytes = 0;

  add(path: string, content: Uint8Array, source: string): void {
    const reason = unsafePathReason(path);
    if (reason !== undefined) throw refuse(`Template ${source} would write "${path}": ${reason}. Nothing was written.`, { path, template: source });
    if (path === LOCK_FILE_NAME) throw refuse(`Template ${source} would write ${LOCK_FILE_NAME}, which Dihya writes itself.`, { path, template: source });
    const key = path.normalize('NFC').toLowerCase();
    const previous = this.folded.get(key);
    if (previous !== undefined) throw refuse(`Two templates write the same file "${path}"${previous !== path ? ` (as "${previous}" on a case-insensitive disk)` : ''}; the second is ${source}. Nothing was written.`, { path, template: source });
    if (content.byteLength > TREE_LIMITS.maxFileBytes) throw refuse(`Template ${source} renders "${path}" larger than ${TREE_LIMITS.maxFileBytes} bytes.`, { path });
    this.bytes += content.byteLength;
    if (this.bytes > TREE_LIMITS.maxTotalBytes) throw refuse(`The generated project would be larger than ${TREE_LIMITS.maxTotalBytes} bytes.`, { limit: TREE_LIMITS.maxTotalBytes });
    if (this.tree.size >= TREE_LIMITS.maxFiles) throw refuse(`The generated project would have more than ${TREE_LIMITS.maxFiles} files.`, { limit: TREE_LIMITS.maxFiles });
    this.folded.set(key, path);
    this.tree.set(path, content);
  }

  /** A file cannot also be a folder (`a` and `a/b`): checked once every path is known. */
  finish(): VirtualTree {
    const paths = [...this.tree.keys()].sort(comparePaths);
    const folders = new Set<string>();
    for (const path of paths) {
      const parts = path.split('/');
      for (let i = 1; i < parts.length; i += 1) folders.add(parts.slice(0, i).join('/').toLowerCase());
    }
    for (const path of paths) if (folders.has(path.toLowerCase())) throw refuse(`"${path}" is generated both as a file and as a folder.`, { path });
    return new Map(paths.map((p) => [p, this.tree.get(p) as Uint8Array]));
  }
}
