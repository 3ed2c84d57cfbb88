import { clientFromBridge } from '../../core/api/index.ts';
import type { DihyaBridge, DihyaClient } from '../../core/api/index.ts';
import { takeAccessToken, type TokenEnvironment } from './access-token.ts';
import { createHttpClient } from './http-client.ts';

export type Transport = 'ipc' | 'http';

export type ClientChoice = { kind: 'client'; client: DihyaClient; transport: Transport } | { kind: 'missing-token' };

export interface StartEnvironment extends TokenEnvironment {
  /** `window.dihya`, present only inside the Electron window (exposed by preload). */
  bridge: DihyaBridge | undefined;
  location: TokenEnvironment['location'] & { origin: string };
}

/**
 * Picks the transport once, at start-up: the desktop app's preload bridge when there is one,
 * otherwise HTTP to the `dihya serve` that served this page. Without a token there is nothing we
 * may call, and the caller shows how to get the link.
 */
export function chooseClient(env: StartEnvironment, options: { onUnauthorized?: () => void } = {}): ClientChoice {
  if (env.bridge !== undefined) return { kind: 'client', client: clientFromBridge(env.bridge), transport: 'ipc' };
  const token = takeAccessToken(env);
  if (token === undefined) return { kind: 'missing-token' };
  const client = createHttpClient({ baseUrl: env.location.origin, token, onUnauthorized: options.onUnauthorized });
  return { kind: 'client', client, transport: 'http' };
}
