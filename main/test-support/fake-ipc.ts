import type { FakeWebContents, FakeWebFrame, RendererInbox } from './fake-web-contents.ts';

type MainHandler = (event: unknown, ...args: unknown[]) => unknown;
type RendererListener = (event: unknown, ...args: unknown[]) => void;

export class FakeIpcMain {
  readonly handlers = new Map<string, MainHandler>();

  handle(channel: string, handler: MainHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}

/**
 * One renderer's ipcRenderer, bound to the web contents (and frame) it runs in. Like real IPC,
 * arguments and results are structured-cloned, and the main side sees `sender`/`senderFrame`.
 */
export class FakeRenderer implements RendererInbox {
  /** Every channel this renderer invoked, whether or not main had a handler. */
  readonly invoked: string[] = [];
  private readonly listeners = new Map<string, Set<RendererListener>>();

  private readonly ipcMain: FakeIpcMain;
  readonly webContents: FakeWebContents;
  readonly frame: FakeWebFrame;

  constructor(ipcMain: FakeIpcMain, webContents: FakeWebContents, frame: FakeWebFrame = webContents.mainFrame) {
    this.ipcMain = ipcMain;
    this.webContents = webContents;
    this.frame = frame;
  }

  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push(channel);
    const cloned = args.map((arg) => structuredClone(arg));
    await Promise.resolve();
    const handler = this.ipcMain.handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    const event = { sender: this.webContents, senderFrame: this.frame, frameId: 1, processId: 1 };
    try {
      return structuredClone(await handler(event, ...cloned));
    } catch (error) {
      // Electron keeps only the message of an error thrown by a handler.
      throw new Error(`Error invoking remote method '${channel}': ${String(error)}`, { cause: error });
    }
  }

  on(channel: string, listener: RendererListener): this {
    let set = this.listeners.get(channel);
    if (!set) this.listeners.set(channel, (set = new Set()));
    set.add(listener);
    return this;
  }

  removeListener(channel: string, listener: RendererListener): this {
    this.listeners.get(channel)?.delete(listener);
    return this;
  }

  listenerCount(channel: string): number {
    return this.listeners.get(channel)?.size ?? 0;
  }

  deliver(channel: string, args: unknown[]): void {
    const event = { sender: this, senderId: 0, ports: [] };
    for (const listener of [...(this.listeners.get(channel) ?? [])]) listener(event, ...args);
  }
}

/**
 * contextBridge copies what crosses between the isolated world and the page: plain data is
 * cloned, functions become proxies whose arguments and results are copied again, promises
 * resolve to copies. Prototypes (and so class instances) do not survive.
 */
export function acrossWorlds(value: unknown): unknown {
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    return (...args: unknown[]) => acrossWorlds(fn(...args.map(acrossWorlds)));
  }
  if (value instanceof Promise) return value.then(acrossWorlds);
  if (Array.isArray(value)) return value.map(acrossWorlds);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, acrossWorlds(item)]));
  }
  return structuredClone(value);
}
