import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { AppError, EVENT_CHANNEL, commandChannel, isCommandName, type DihyaBridge } from '../core/api/index.ts';

export type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/**
 * The whole surface the renderer gets. It cannot name a channel: `invoke` accepts contract
 * command names only and `onEvent` listens to the one event channel, so a compromised page can
 * do no more than the UI itself could. Listeners receive the payload, never the IpcRendererEvent
 * (which would hand the page `sender`, i.e. ipcRenderer itself).
 */
export function createDihyaBridge(ipc: BridgeIpc): DihyaBridge {
  return {
    invoke: async (command, input) => {
      if (!isCommandName(command)) {
        const shown = String(command).slice(0, 80);
        return { ok: false, error: new AppError('UNKNOWN_COMMAND', `There is no command named "${shown}".`, { command: shown }).toJSON() };
      }
      try {
        return (await ipc.invoke(commandChannel(command), input)) as Awaited<ReturnType<DihyaBridge['invoke']>>;
      } catch {
        // Only IPC itself fails here (uncloneable input, main not ready): main answers with envelopes.
        return { ok: false, error: new AppError('INTERNAL', `The desktop shell did not answer ${command}.`, { command }).toJSON() };
      }
    },
    onEvent: (listener) => {
      if (typeof listener !== 'function') throw new TypeError('dihya.onEvent needs a listener function.');
      const relay = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
      ipc.on(EVENT_CHANNEL, relay);
      return () => {
        ipc.removeListener(EVENT_CHANNEL, relay);
      };
    },
  };
}
