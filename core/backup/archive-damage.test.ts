import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError, systemClock } from '../common/index.ts';
import { tempCore } from '../test-support/temp-core.ts';
import { LEGACY_DIGEST_PREFIX } from './archive-digest.ts';
import { checkArchive, openArchive } from './archive-reader.ts';
import { createBackup, type CreatedBackup } from './create-backup.ts';
import { verifyArchive } from './verify-backup.ts';

const PASSPHRASE = 'correct horse battery staple';
let env: Awaited<ReturnType<typeof tempCore>>;
let plain: CreatedBackup;
let sealed: CreatedBackup;
let scratch: string;

async function backup(passphrase?: string): Promise<CreatedBackup> {
  return createBackup({ dataDir: env.dataDir, dbFile: env.core.store.file, destination: join(env.dataDir, 'backups'), kind: 'manual', clock: systemClock, dihyaVersion: 'test', schemaVersion: 1, passphrase, scryptCost: 1 << 10 });
}

beforeAll(async () => {
  env = await tempCore();
  for (const name of ['Atelier', 'Boulangerie', 'Cabinet']) await env.core.dispatch('projects.create', { name });
  mkdirSync(join(env.dataDir, 'outputs', 'atelier', 'src'), { recursive: true });
  writeFileSync(join(env.dataDir, 'outputs', 'atelier', 'src', 'index.ts'), 'export const hello = "world";\n'.repeat(50));
  mkdirSync(join(env.dataDir, 'templates', 'empty-folder'), { recursive: true });
  plain = await backup();
  sealed = await backup(PASSPHRASE);
  scratch = join(env.dataDir, 'scratch');
  mkdirSync(scratch);
});
afterAll(async () => {
  await env.dispose();
});

let copies = 0;
function damagedCopy(source: string, damage: (file: string) => void): string {
  const file = join(scratch, `copy-${copies++}.dihya-backup`);
  copyFileSync(source, file);
  damage(file);
  return file;
}
function flipByte(file: string, position: number, mask: number): void {
  const bytes = readFileSync(file);
  bytes[position] = (bytes[position] as number) ^ mask;
  writeFileSync(file, bytes);
}

/** The cheap part of verification (no SQLite): decrypt if needed, digest, every member against the manifest. */
async function archiveCheckCode(file: string, passphrase?: string): Promise<string> {
  let opened: Awaited<ReturnType<typeof openArchive>>;
  try {
    opened = await openArchive(file, { workDir: scratch, passphrase });
  } catch (error) {
    return isAppError(error) ? error.code : `unexpected: ${String(error)}`;
  }
  try {
    await checkArchive(opened.zipPath, file);
    return 'ok';
  } catch (error) {
    return isAppError(error) ? error.code : `unexpected: ${String(error)}`;
  } finally {
    await opened.cleanup();
  }
}

describe('a damaged backup is detected every time', () => {
  it('the intact archives verify completely (checksums, integrity_check, audit head)', async () => {
    const manifest = await verifyArchive(plain.file, { workDir: scratch });
    expect(manifest.projects).toBe(3);
    expect(manifest.folders).toEqual(['outputs', 'templates']);
    expect(manifest.directories).toContain('templates/empty-folder');
    expect((await verifyArchive(sealed.file, { workDir: scratch, passphrase: PASSPHRASE })).id).toBe(sealed.manifest.id);
  });

  it('is a plain zip that Info-ZIP unzip tests (CRCs) and reads, with a sha256 for every member', () => {
    expect(execFileSync('unzip', ['-t', plain.file], { encoding: 'utf8' })).toContain('No errors detected');
    const manifest = JSON.parse(execFileSync('unzip', ['-p', plain.file, 'manifest.json'], { encoding: 'utf8' })) as { members: { path: string; sha256: string }[] };
    expect(manifest.members.map((m) => m.path).sort()).toEqual(['dihya.sqlite', 'outputs/atelier/src/index.ts']);
    const source = readFileSync(join(env.dataDir, 'outputs', 'atelier', 'src', 'index.ts'));
    expect(manifest.members.find((m) => m.path === 'outputs/atelier/src/index.ts')?.sha256).toBe(createHash('sha256').update(source).digest('hex'));
  });

  it('one flipped byte anywhere in a plain archive → BACKUP_CORRUPT', async () => {
    const size = statSync(plain.file).size;
    // Half the positions in the last 4 KiB: zip metadata that readers ignore (dates, attributes) lives there.
    const position = fc.oneof(fc.integer({ min: 0, max: size - 1 }), fc.integer({ min: Math.max(0, size - 4096), max: size - 1 }));
    await fc.assert(
      fc.asyncProperty(position, fc.integer({ min: 1, max: 255 }), async (at, mask) => {
        expect(await archiveCheckCode(damagedCopy(plain.file, (f) => flipByte(f, at, mask)))).toBe('BACKUP_CORRUPT');
      }),
      { numRuns: 150 },
    );
  });

  it('a plain archive cut short at any length → BACKUP_CORRUPT', async () => {
    const size = statSync(plain.file).size;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: size - 1 }), async (length) => {
        expect(await archiveCheckCode(damagedCopy(plain.file, (f) => truncateSync(f, length)))).toBe('BACKUP_CORRUPT');
      }),
      { numRuns: 60 },
    );
  });

  it('one flipped byte in an encrypted archive → BACKUP_CORRUPT, never "wrong passphrase"', async () => {
    const size = statSync(sealed.file).size;
    const position = fc.oneof(fc.integer({ min: 0, max: size - 1 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: size - 64, max: size - 1 }));
    await fc.assert(
      fc.asyncProperty(position, fc.integer({ min: 1, max: 255 }), async (at, mask) => {
        const code = await archiveCheckCode(damagedCopy(sealed.file, (f) => flipByte(f, at, mask)), PASSPHRASE);
        // The first 9 bytes are the magic: altered, the file is no longer recognised as encrypted at all.
        expect(code).toBe('BACKUP_CORRUPT');
      }),
      { numRuns: 150 },
    );
  });

  it('an encrypted archive cut short (including exactly at a block boundary) → BACKUP_CORRUPT', async () => {
    const size = statSync(sealed.file).size;
    for (const length of [0, 5, 100, size - 16, size - 17, size - 1]) {
      expect(await archiveCheckCode(damagedCopy(sealed.file, (f) => truncateSync(f, length)), PASSPHRASE)).toBe('BACKUP_CORRUPT');
    }
  });

  it('a wrong passphrase is WRONG_PASSPHRASE, a missing one PASSPHRASE_REQUIRED — distinct from damage', async () => {
    expect(await archiveCheckCode(sealed.file, 'not the passphrase')).toBe('WRONG_PASSPHRASE');
    expect(await archiveCheckCode(sealed.file)).toBe('PASSPHRASE_REQUIRED');
    expect(await archiveCheckCode(sealed.file, PASSPHRASE)).toBe('ok');
    // The passphrase is nowhere in the archive, not even hashed plainly.
    expect(readFileSync(sealed.file).includes(Buffer.from(PASSPHRASE))).toBe(false);
  });

  it('an archive from before the per-member digest (the sha256 of every byte) still checks, and damage to it is still caught', async () => {
    const legacy = damagedCopy(plain.file, (f) => {
      const bytes = readFileSync(f);
      bytes.write(LEGACY_DIGEST_PREFIX, bytes.length - 64 - LEGACY_DIGEST_PREFIX.length, 'latin1');
      bytes.write(createHash('sha256').update(bytes.subarray(0, bytes.length - 64)).digest('hex'), bytes.length - 64, 'latin1');
      writeFileSync(f, bytes);
    });
    expect(await archiveCheckCode(legacy)).toBe('ok');
    const size = statSync(legacy).size;
    for (const at of [10, Math.floor(size / 2), size - 100, size - 1]) {
      expect(await archiveCheckCode(damagedCopy(legacy, (f) => flipByte(f, at, 0x01)))).toBe('BACKUP_CORRUPT');
    }
  });

  it('full verification catches the damage too (it runs the same checks first)', async () => {
    const size = statSync(plain.file).size;
    for (const at of [10, Math.floor(size / 2), size - 30]) {
      await expect(verifyArchive(damagedCopy(plain.file, (f) => flipByte(f, at, 0x01)), { workDir: scratch })).rejects.toMatchObject({ code: 'BACKUP_CORRUPT' });
    }
  });
});
