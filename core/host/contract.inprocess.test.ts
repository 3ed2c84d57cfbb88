import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runContractSuite } from '../test-support/contract-suite.ts';
import { createCore } from './create-core.ts';

runContractSuite('in-process', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dihya-contract-'));
  const core = await createCore({ dataDir, mode: 'test' });
  return {
    client: core.client,
    dispose: async () => {
      await core.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
});
