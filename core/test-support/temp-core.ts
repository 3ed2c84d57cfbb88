import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../host/index.ts';

export function tempDir(prefix = 'dihya-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A real core on a real SQLite file in a fresh folder; `dispose` removes both. */
export async function tempCore(): Promise<{ core: Core; dataDir: string; dispose(): Promise<void> }> {
  const dir = tempDir('dihya-core-');
  const core = await createCore({ dataDir: dir.path, mode: 'test' });
  return {
    core,
    dataDir: dir.path,
    dispose: async () => {
      await core.dispose();
      dir.remove();
    },
  };
}
