import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../common/index.ts';
import { createCore, type Core } from '../host/index.ts';
import { tempDir } from '../test-support/temp-core.ts';
import { canMountTmpfs, mountTmpfs } from '../test-support/tmpfs.ts';
import type { SinkFactory } from './archive-output.ts';
import { createBackup } from './create-backup.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function coreWithData(dataDir: string, rows: number): Promise<Core> {
  const core = await createCore({ dataDir, mode: 'test' });
  cleanups.push(() => core.dispose());
  for (const name of ['Alpha', 'Beta']) await core.dispatch('projects.create', { name });
  const insert = core.store.sqlite.prepare('insert into settings (key, value_json, updated_at) values (?, ?, ?)');
  // Random text does not compress and fills pages for real.
  core.store.sqlite.transaction(() => {
    for (let i = 0; i < rows; i += 1) insert.run(`filler-${i}`, JSON.stringify(globalThis.crypto.getRandomValues(new Uint8Array(300)).join('')), 'now');
  })();
  core.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return core;
}

/** The database answers, passes its integrity check and still holds what it held. */
async function expectIntact(core: Core): Promise<void> {
  expect(core.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  expect((await core.dispatch('projects.list', {})).items.map((p) => p.name).sort()).toEqual(['Alpha', 'Beta']);
}

describe.runIf(canMountTmpfs())('a full disk during a backup (a small tmpfs)', () => {
  it('a full destination: DISK_FULL naming it, no partial archive left, the database intact and backups possible elsewhere', async () => {
    const root = tempDir('dihya-full-');
    cleanups.push(() => root.remove());
    const destination = join(root.path, 'usb-stick');
    cleanups.push(mountTmpfs(destination, '512k'));
    const core = await coreWithData(join(root.path, 'data'), 3_000);

    const error = await core.dispatch('backup.create', { destination }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DISK_FULL', message: expect.stringContaining(destination) });
    expect(readdirSync(destination)).toEqual([]);
    expect((await core.dispatch('backup.list', { destination })).items).toEqual([]);
    await expectIntact(core);
    await expect(core.dispatch('backup.create', {})).resolves.toMatchObject({ backup: { verification: { status: 'verified' } } });
  });

  it('restoring into a folder without room: DISK_FULL (not "damaged"), nothing left there, the backup still good', async () => {
    const root = tempDir('dihya-full-');
    cleanups.push(() => root.remove());
    const core = await coreWithData(join(root.path, 'data'), 3_000);
    const { backup } = await core.dispatch('backup.create', {});
    const small = join(root.path, 'small');
    cleanups.push(mountTmpfs(small, '1m'));

    await expect(core.dispatch('backup.restore', { file: backup.file, dataDir: join(small, 'restored'), confirm: true })).rejects.toMatchObject({ code: 'DISK_FULL' });
    expect(readdirSync(small)).toEqual([]);
    await expect(core.dispatch('backup.verify', { file: backup.file })).resolves.toMatchObject({ file: backup.file });
  });

  // The snapshot is moved into the archive as the archive grows, so a backup needs room for about
  // one copy of the database: a ballast file outside the backed-up folders leaves just less.
  it.each([
    ['no room for the snapshot', (db: number) => db / 2, false],
    ['room for the snapshot, not for the archive (2 MB of output files too)', (db: number) => db + 512 * 1024, true],
  ])('a full data directory, %s: DISK_FULL, nothing left behind, the database intact and still writable', async (_case, room: (db: number) => number, withOutputs: boolean) => {
    const root = tempDir('dihya-full-');
    cleanups.push(() => root.remove());
    const dataDir = join(root.path, 'data');
    cleanups.push(mountTmpfs(dataDir, '16m'));
    const core = await coreWithData(dataDir, 2_600);
    if (withOutputs) {
      mkdirSync(join(dataDir, 'outputs', 'alpha'), { recursive: true });
      writeFileSync(join(dataDir, 'outputs', 'alpha', 'bundle.js'), randomBytes(2_000_000));
    }
    mkdirSync(join(dataDir, 'backups'), { recursive: true });
    mkdirSync(join(dataDir, '.dihya-work'), { recursive: true });
    const { bavail, bsize } = statfsSync(dataDir);
    const ballast = join(dataDir, 'ballast.bin');
    writeFileSync(ballast, Buffer.alloc(Math.max(0, bavail * bsize - Math.floor(room(statSync(core.store.file).size)))));

    await expect(core.dispatch('backup.create', {})).rejects.toMatchObject({ code: 'DISK_FULL' });
    await expectIntact(core);
    expect(readdirSync(join(dataDir, '.dihya-work'))).toEqual([]);
    expect(readdirSync(join(dataDir, 'backups'))).toEqual([]);
    await expect(core.dispatch('projects.create', { name: 'After the failure' })).resolves.toMatchObject({ name: 'After the failure' });
    rmSync(ballast);
    await expect(core.dispatch('backup.create', {})).resolves.toMatchObject({ backup: { verification: { status: 'verified' } } });
  });
});

describe('a full disk during a backup (a fault-injecting file layer)', () => {
  it('the write failing with ENOSPC part-way: DISK_FULL, the temp archive removed, the database intact', async () => {
    const root = tempDir('dihya-enospc-');
    cleanups.push(() => root.remove());
    const dataDir = join(root.path, 'data');
    const core = await coreWithData(dataDir, 1_000);
    let written = 0;
    const fullAfter = 64 * 1024;
    const sink: SinkFactory = async () => ({
      write: async (chunk) => {
        written += chunk.length;
        if (written > fullAfter) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
      finish: async () => undefined,
      abort: async () => undefined,
    });
    const destination = join(root.path, 'dest');
    await expect(createBackup({ dataDir, dbFile: core.store.file, destination, kind: 'manual', clock: systemClock, dihyaVersion: 'test', schemaVersion: 1, sink })).rejects.toMatchObject({ code: 'DISK_FULL', message: expect.stringContaining(destination) });
    expect(written).toBeGreaterThan(fullAfter);
    expect(readdirSync(destination)).toEqual([]);
    expect(readdirSync(join(dataDir, '.dihya-work'))).toEqual([]);
    await expectIntact(core);
  });
});
