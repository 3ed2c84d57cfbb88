import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../host/index.ts';
import { tempDir } from '../test-support/temp-core.ts';
import { canMountTmpfs, mountTmpfs } from '../test-support/tmpfs.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.runIf(canMountTmpfs())('publishing onto a full disk (a small tmpfs)', () => {
  it('says DISK_FULL, records nothing, and publishes once there is room', async () => {
    const root = tempDir('dihya-publish-full-');
    cleanups.push(() => root.remove());
    const dataDir = join(root.path, 'data');
    cleanups.push(mountTmpfs(dataDir, '24m'));
    const core = await createCore({ dataDir, mode: 'test' });
    cleanups.push(() => core.dispose());
    // A site of small pages (their blocks go to the small-block database), outside the full disk.
    const site = join(root.path, 'site');
    mkdirSync(site);
    for (let i = 0; i < 400; i += 1) writeFileSync(join(site, `page-${i}.html`), randomBytes(8_000));
    await core.dispatch('ipfs.pins', {}); // the store exists and is migrated before the ballast
    const { bavail, bsize } = statfsSync(dataDir);
    const ballast = join(dataDir, 'ballast.bin');
    writeFileSync(ballast, Buffer.alloc(Math.max(0, bavail * bsize - 1_000_000)));

    await expect(core.dispatch('publish.run', { path: site })).rejects.toMatchObject({ code: 'DISK_FULL' });
    expect((await core.dispatch('publish.list', {})).items).toEqual([]);
    expect((await core.dispatch('ipfs.pins', {})).items).toEqual([]);

    rmSync(ballast);
    const published = await core.dispatch('publish.run', { path: site });
    expect(published.publication).toMatchObject({ fileCount: 400, pinned: true });
  });
});
