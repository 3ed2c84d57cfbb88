import { appErrorFromSerialized } from '../common/app-error.ts';
import type { DihyaBridge, DihyaClient } from './client.ts';
import { dihyaEvent } from './events.ts';

/**
 * A DihyaClient over the structured-clone bridge preload exposes as `window.dihya`.
 * Results arrive as `{ ok, value | error }` envelopes because Electron flattens thrown errors
 * into plain text; the envelope keeps each error's code and details intact.
 */
export function clientFromBridge(bridge: DihyaBridge): DihyaClient {
  return {
    invoke: async (command, input) => {
      const result = await bridge.invoke(command, input);
      if (result.ok) return result.value as never;
      throw appErrorFromSerialized(result.error);
    },
    subscribe: (listener) =>
      bridge.onEvent((raw) => {
        const parsed = dihyaEvent.safeParse(raw);
        if (parsed.success) listener(parsed.data);
      }),
  };
}
