import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hashFiles, serializeLock, LOCK_VERSION, type LockFile } from '../../codegen/lock-file.ts';

/** Writes files (relative path → content) under `root`. */
export function writeTree(root: string, files: Record<string, string | Uint8Array>): void {
  mkdirSync(root, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

/** Every file under `root` as path → sha256, for comparing two trees byte for byte. */
export function treeDigest(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const rel = prefix === '' ? name : `${prefix}/${name}`;
      if (statSync(full).isDirectory()) {
        out[`${rel}/`] = 'dir';
        walk(full, rel);
      } else out[rel] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(root, '');
  return out;
}

/** A generated-looking output: some files and a dihya.lock.json built with the generation engine's own module. */
export function writeGeneratedOutput(root: string, files: Record<string, string>, extra: { personalData?: string[] } = {}): LockFile {
  writeTree(root, files);
  const hashed = hashFiles(new Map(Object.entries(files).map(([path, text]) => [path, Buffer.from(text)])));
  const lock: LockFile = {
    lockVersion: LOCK_VERSION,
    generator: { name: 'dihya', version: '0.1.0' },
    modelVersion: 1,
    modelHash: '0'.repeat(64),
    specHash: null,
    templates: [],
    plugins: [],
    options: {},
    files: hashed.files,
    rootHash: hashed.rootHash,
  };
  const text = serializeLock(lock);
  // The generation engine does not write `personalData` yet; the publish guard reads it when present.
  const withPersonal = extra.personalData === undefined ? text : `${JSON.stringify({ ...JSON.parse(text), personalData: extra.personalData }, null, 2)}\n`;
  writeFileSync(join(root, 'dihya.lock.json'), withPersonal);
  return lock;
}

export function randomFile(size: number): Buffer {
  return randomBytes(size);
}
