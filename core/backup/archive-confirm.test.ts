import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../common/index.ts';
import { tempCore } from '../test-support/temp-core.ts';
import { fileSink, type ArchiveSink, type SinkFactory } from './archive-output.ts';
import { createBackup } from './create-backup.ts';

/**
 * A new backup is renamed into place only once confirmArchive found the file as it was written.
 * These sinks are disks that lie: they report success for writes they got wrong.
 */
let env: Awaited<ReturnType<typeof tempCore>>;
let dirs = 0;

beforeAll(async () => {
  env = await tempCore();
  for (const name of ['Atelier', 'Boulangerie']) await env.core.dispatch('projects.create', { name });
  mkdirSync(join(env.dataDir, 'outputs', 'atelier'), { recursive: true });
  writeFileSync(join(env.dataDir, 'outputs', 'atelier', 'index.ts'), 'export const hello = "world";\n');
});
afterAll(async () => {
  await env.dispose();
});

/** A file sink whose writes pass through `alter` (which may change, drop or keep them). */
function lyingSink(alter: (bytes: Buffer, position: number, sink: ArchiveSink) => Promise<void>): SinkFactory {
  return async (path) => {
    const real = await fileSink(path);
    return { ...real, write: (bytes, position) => alter(bytes, position, real) };
  };
}

async function backupWith(sink: SinkFactory, passphrase?: string): Promise<{ error: unknown; destination: string }> {
  const destination = join(env.dataDir, `dest-${dirs++}`);
  const error = await createBackup({ dataDir: env.dataDir, dbFile: env.core.store.file, destination, kind: 'manual', clock: systemClock, dihyaVersion: 'test', schemaVersion: 1, sink, passphrase, scryptCost: 1 << 10 }).then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, destination };
}

describe('a new backup that does not read back as written is not kept', () => {
  it('an honest disk: kept', async () => {
    const { error, destination } = await backupWith(fileSink);
    expect(error).toBeUndefined();
    expect(readdirSync(destination)).toHaveLength(1);
  });

  it('the last write silently lost: BACKUP_CORRUPT, nothing left', async () => {
    let last = -1;
    const { error, destination } = await backupWith(
      lyingSink(async (bytes, position, real) => {
        last = position;
        // The archive's end (central directory, comment) is the last write; drop it.
        if (bytes.includes(Buffer.from('dihya-backup digest='))) return;
        await real.write(bytes, position);
      }),
    );
    expect(last).toBeGreaterThan(0);
    expect(error).toMatchObject({ code: 'BACKUP_CORRUPT' });
    expect(readdirSync(destination)).toEqual([]);
  });

  it('a byte of the zip directory changed on its way to the disk: BACKUP_CORRUPT, nothing left', async () => {
    const { error, destination } = await backupWith(
      lyingSink(async (bytes, position, real) => {
        const at = bytes.lastIndexOf(Buffer.from('outputs/atelier/index.ts'));
        const copy = Buffer.from(bytes);
        if (at >= 0) copy[at] = 0x4f; // "Outputs/…": still a valid zip, another name
        await real.write(copy, position);
      }),
    );
    expect(error).toMatchObject({ code: 'BACKUP_CORRUPT' });
    expect(readdirSync(destination)).toEqual([]);
  });

  it('encrypted: the last block changed on its way to the disk: BACKUP_CORRUPT, nothing left', async () => {
    let final: { bytes: Buffer; position: number } | undefined;
    const { error, destination } = await backupWith(
      lyingSink(async (bytes, position, real) => {
        // A sealed block is written as ciphertext then its 16-byte tag; this small archive is one block.
        final = { bytes: Buffer.from(bytes), position };
        const copy = bytes.length === 16 ? Buffer.from(bytes.map((b) => b ^ 0xff)) : bytes;
        await real.write(copy, position);
      }),
      'correct horse battery staple',
    );
    expect(final?.bytes.length).toBe(16);
    expect(error).toMatchObject({ code: 'BACKUP_CORRUPT' });
    expect(readdirSync(destination)).toEqual([]);
  });
});
