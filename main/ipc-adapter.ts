import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { AppError, EVENT_CHANNEL, commandChannel, commandNames, isAppError, type CommandName, type SerializedError } from '../core/api/index.ts';
import type { Core } from '../core/host/index.ts';
import { isAppUrl } from './app-url.ts';
import { isTrustedSender } from './trusted-sender.ts';

/**
 * What every command channel answers. Electron flattens thrown errors into a message string, so
 * handlers never throw: failures travel as data and keep their code and details.
 */
export type IpcEnvelope = { ok: true; value: unknown } | { ok: false; error: SerializedError };

export interface IpcAdapterOptions {
  core: Pick<Core, 'dispatch' | 'events'>;
  /** The app's window, if one is open. It is asked on every call because it can be re-created. */
  window: () => BrowserWindow | undefined;
  /** The file:// URL of the renderer's page (see app-paths.ts). */
  appUrl: string;
}

export interface IpcRegistration {
  dispose(): void;
}

/**
 * The Electron transport over the contract: one `ipcMain.handle` per command and the core's
 * events relayed to the window. No logic lives here; the dispatcher validates every input with
 * the contract's schemas, exactly as for HTTP and the CLI.
 */
export function registerIpcAdapter(options: IpcAdapterOptions): IpcRegistration {
  const { core, window, appUrl } = options;

  const handle = async (name: CommandName, event: IpcMainInvokeEvent, input: unknown): Promise<IpcEnvelope> => {
    if (!isTrustedSender(event, window(), appUrl)) {
      console.warn(`[dihya] refused ${name} from a frame that is not Dihya's window`);
      return { ok: false, error: new AppError('FORBIDDEN', 'Only the Dihya window may use this command.', { command: name }).toJSON() };
    }
    try {
      return { ok: true, value: await core.dispatch(name, input, { actor: 'local' }) };
    } catch (error) {
      return { ok: false, error: serialise(name, error) };
    }
  };

  for (const name of commandNames) {
    ipcMain.handle(commandChannel(name), (event, input: unknown) => handle(name, event, input));
  }

  const subscription = core.events.subscribe((event) => {
    const target = window();
    if (!target || target.isDestroyed() || target.webContents.isDestroyed()) return;
    // Events carry user data: never hand them to a page that is not the app's own.
    if (!isAppUrl(target.webContents.getURL(), appUrl)) return;
    target.webContents.send(EVENT_CHANNEL, event);
  });

  let disposed = false;
  return {
    dispose: () => {
      if (disposed) return;
      disposed = true;
      for (const name of commandNames) ipcMain.removeHandler(commandChannel(name));
      void subscription.dispose();
    },
  };
}

/** AppErrors cross as `{code, message, details}`; anything else is a bug, logged here and never leaked. */
function serialise(name: CommandName, error: unknown): SerializedError {
  if (isAppError(error)) return error.toJSON();
  console.error(`[dihya] ${name} failed unexpectedly:`, error);
  return new AppError('INTERNAL', `Dihya hit an unexpected problem while running ${name}. The details are in the application log.`, { command: name }).toJSON();
}
