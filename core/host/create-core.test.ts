import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../db/index.ts';
import { tempDir } from '../test-support/temp-core.ts';
import { createCore } from './create-core.ts';

describe('createCore', () => {
  const dirs: { remove(): void }[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));

  it('closes the store and stops what it started when a later start-up step fails', async () => {
    const dir = tempDir('dihya-start-');
    dirs.push(dir);
    const brokenClock = {
      now(): Date {
        throw new Error('clock broke');
      },
    };
    await expect(createCore({ dataDir: dir.path, mode: 'serve' }, { clock: brokenClock })).rejects.toThrow('clock broke');
    // SQLite removes the WAL file when its last connection closes: nothing was left open.
    expect(existsSync(join(dir.path, `${DATABASE_FILE}-wal`))).toBe(false);
    expect(existsSync(join(dir.path, DATABASE_FILE))).toBe(true);

    const core = await createCore({ dataDir: dir.path, mode: 'test' });
    try {
      expect((await core.client.invoke('projects.list', {})).total).toBe(0);
    } finally {
      await core.dispose();
    }
  });
});
