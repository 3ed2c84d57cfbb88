import { runContractSuite } from '../../core/test-support/contract-suite.ts';
import { tempCore } from '../../core/test-support/temp-core.ts';
import { startServer } from '../../core/server/index.ts';
import { createHttpClient } from './http-client.ts';

// The renderer's HTTP client against a real `dihya serve` server over a real core: the contract
// must behave exactly as it does in-process and over IPC.
runContractSuite('http', async () => {
  const env = await tempCore();
  const server = await startServer({ core: env.core, port: 0 });
  return {
    client: createHttpClient({ baseUrl: server.url, token: server.token }),
    dispose: async () => {
      await server.close();
      await env.dispose();
    },
  };
});
