import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { rootHashOf } from '../codegen/lock-file.ts';
import { tempDir } from '../test-support/temp-core.ts';
import { compareWithLock, personalDataPresent, readLock } from './lock-check.ts';
import { writeGeneratedOutput } from './test-support/trees.ts';

const dirs: { remove(): void }[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});

describe('dihya.lock.json checks', () => {
  it('computes the root hash that coreutils computes from the output folder', () => {
    const dir = tempDir('dihya-lock-');
    dirs.push(dir);
    const lock = writeGeneratedOutput(dir.path, { 'index.html': '<h1>Salam</h1>', 'src/app.ts': 'export {}\n', 'src/é.txt': 'accent', 'Z.txt': 'upper', '.gitignore': 'node_modules\n' });
    const coreutils = execFileSync('sh', ['-c', "find . -type f ! -path ./dihya.lock.json -printf '%P\\n' | LC_ALL=C sort | xargs -d '\\n' sha256sum | sha256sum"], { cwd: dir.path, encoding: 'utf8' });
    expect(coreutils.split(' ')[0]).toBe(lock.rootHash);
    expect(rootHashOf(lock.files)).toBe(lock.rootHash);
  });

  it('names missing, modified and unexpected files, and a lock whose root hash is wrong', () => {
    const lock = readLock(JSON.stringify({ files: { 'a.txt': 'a'.repeat(64), 'b.txt': 'b'.repeat(64) }, rootHash: rootHashOf({ 'a.txt': 'a'.repeat(64), 'b.txt': 'b'.repeat(64) }), generator: { future: true } }), 'test');
    const same = compareWithLock(lock, new Map([['a.txt', 'a'.repeat(64)], ['b.txt', 'b'.repeat(64)]]));
    expect(same).toEqual({ ok: true, rootHash: lock.rootHash, problems: [] });

    const drifted = compareWithLock(lock, new Map([['a.txt', 'c'.repeat(64)], ['new.txt', 'd'.repeat(64)]]));
    expect(drifted.ok).toBe(false);
    expect(drifted.problems).toEqual([
      { path: 'a.txt', problem: 'modified' },
      { path: 'b.txt', problem: 'missing' },
      { path: 'new.txt', problem: 'unexpected' },
    ]);

    const forged = readLock(JSON.stringify({ files: { 'a.txt': 'a'.repeat(64) }, rootHash: 'f'.repeat(64) }), 'test');
    expect(compareWithLock(forged, new Map([['a.txt', 'a'.repeat(64)]])).problems).toEqual([{ path: 'dihya.lock.json', problem: 'lock-root-hash' }]);
  });

  it('refuses a lock that is not JSON or names a path outside the output', () => {
    expect(() => readLock('{ not json', 'out/dihya.lock.json')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.stringContaining('out/dihya.lock.json') }));
    expect(() => readLock(JSON.stringify({ files: { '../etc/passwd': 'a'.repeat(64) }, rootHash: 'a'.repeat(64) }), 'x')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => readLock(JSON.stringify({ files: {}, rootHash: 'nope' }), 'x')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', message: expect.stringContaining('rootHash') }));
  });

  it('matches personal-data entries to files, or to folders holding them', () => {
    const lock = readLock(JSON.stringify({ files: {}, rootHash: rootHashOf({}), personalData: ['seed/customers.json', 'exports', 'gone.csv'] }), 'x');
    expect(personalDataPresent(lock, ['index.html', 'seed/customers.json', 'exports/2026/all.csv'])).toEqual(['exports', 'seed/customers.json']);
    expect(personalDataPresent(lock, ['index.html'])).toEqual([]);
    expect(personalDataPresent(undefined, ['x'])).toEqual([]);
  });
});
