import { EventEmitter } from 'node:events';
import { acrossWorlds, FakeIpcMain, FakeRenderer } from './fake-ipc.ts';
import { FakeBrowserWindow, FakeEvent, FakeWebFrame, type FakeWebContents } from './fake-web-contents.ts';

/**
 * A stand-in for the `electron` module, for tests under plain Node (the Electron binary cannot
 * run here). Use it as `vi.mock('electron', () => import('./test-support/fake-electron.ts'))`
 * and drive it through `fakeElectron`. It plays both sides: main (app, BrowserWindow, ipcMain,
 * session, shell, Menu, dialog) and one renderer (ipcRenderer, contextBridge), with IPC between
 * them cloning arguments and results as the real one does.
 */

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
type HeadersListener = (details: { url: string; responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders?: Record<string, string[]>; cancel?: boolean }) => void) => void;

class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  headersListener: HeadersListener | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener | null): void => {
      this.headersListener = listener;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void {
    this.devicePermissionHandler = handler;
  }

  /** Test helper: what a permission request is answered. `undefined` if never answered. */
  requestPermission(permission: string): boolean | undefined {
    let answer: boolean | undefined;
    this.permissionRequestHandler?.({}, permission, (granted) => (answer = granted), {});
    return answer;
  }

  /** Test helper: the headers a response leaves with once the listener has run. */
  receiveHeaders(url: string, responseHeaders: Record<string, string[]>): Record<string, string[]> | undefined {
    let result: Record<string, string[]> | undefined = responseHeaders;
    this.headersListener?.({ url, responseHeaders }, (response) => (result = response.responseHeaders));
    return result;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  hasSingleInstanceLock = true;
  userDataPath = '';
  appPath = '';
  sandboxEnabled = false;
  quitCalls = 0;
  exitCodes: number[] = [];
  private markReady: () => void = () => undefined;
  private ready = new Promise<void>((resolve) => (this.markReady = resolve));

  requestSingleInstanceLock(): boolean {
    return this.hasSingleInstanceLock;
  }
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`fake app.getPath does not know "${name}"`);
    return this.userDataPath;
  }
  getAppPath(): string {
    return this.appPath;
  }
  quit(): void {
    this.quitCalls += 1;
  }
  exit(code = 0): void {
    this.exitCodes.push(code);
  }

  /** Test helper: Electron finished initialising. */
  becomeReady(): void {
    this.markReady();
  }
  /** Test helper: fires `will-quit`; returns whether a listener held the quit back. */
  willQuit(): { prevented: boolean } {
    const event = new FakeEvent({});
    this.emit('will-quit', event);
    return { prevented: event.defaultPrevented };
  }
  reset(): void {
    this.removeAllListeners();
    Object.assign(this, { isPackaged: false, hasSingleInstanceLock: true, userDataPath: '', appPath: '', sandboxEnabled: false, quitCalls: 0, exitCodes: [] });
    this.ready = new Promise<void>((resolve) => (this.markReady = resolve));
  }
}

const fakeIpcMain = new FakeIpcMain();
const fakeApp = new FakeApp();
const state = {
  session: new FakeSession(),
  renderer: undefined as FakeRenderer | undefined,
  mainWorld: {} as Record<string, unknown>,
  openedExternally: [] as string[],
  applicationMenu: undefined as { template: unknown[] } | undefined,
  errorBoxes: [] as Array<{ title: string; content: string }>,
};

FakeBrowserWindow.onWebContentsCreated = (contents) => fakeApp.emit('web-contents-created', new FakeEvent({}), contents);
FakeBrowserWindow.onAllClosed = () => fakeApp.emit('window-all-closed', new FakeEvent({}));

function currentRenderer(): FakeRenderer {
  if (!state.renderer) throw new Error('fake electron: no renderer attached; call fakeElectron.attachRenderer(webContents) first');
  return state.renderer;
}

// ---- the module surface main/ and preload/ import ----
export const app = fakeApp;
export const BrowserWindow = FakeBrowserWindow;
export const ipcMain = fakeIpcMain;
export const session = {
  get defaultSession(): FakeSession {
    return state.session;
  },
};
export const shell = {
  openExternal: async (url: string): Promise<void> => {
    state.openedExternally.push(url);
  },
};
export const Menu = {
  buildFromTemplate: (template: unknown[]) => ({ template }),
  setApplicationMenu: (menu: { template: unknown[] } | null) => {
    state.applicationMenu = menu ?? undefined;
  },
};
export const dialog = {
  showErrorBox: (title: string, content: string) => {
    state.errorBoxes.push({ title, content });
  },
};
export const ipcRenderer = {
  invoke: (channel: string, ...args: unknown[]) => currentRenderer().invoke(channel, ...args),
  on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => currentRenderer().on(channel, listener),
  removeListener: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => currentRenderer().removeListener(channel, listener),
};
export const contextBridge = {
  exposeInMainWorld: (key: string, api: unknown): void => {
    if (Object.hasOwn(state.mainWorld, key)) throw new Error('Cannot bind an API on top of an existing property on the window object');
    state.mainWorld[key] = acrossWorlds(api);
  },
};

// ---- the test's handle on it ----
export const fakeElectron = {
  app: fakeApp,
  ipcMain: fakeIpcMain,
  get session(): FakeSession {
    return state.session;
  },
  /** What the page sees as `window` properties set through contextBridge. */
  get mainWorld(): Record<string, unknown> {
    return state.mainWorld;
  },
  get openedExternally(): readonly string[] {
    return state.openedExternally;
  },
  get applicationMenu(): { template: unknown[] } | undefined {
    return state.applicationMenu;
  },
  get errorBoxes(): ReadonlyArray<{ title: string; content: string }> {
    return state.errorBoxes;
  },
  windows: (): FakeBrowserWindow[] => FakeBrowserWindow.getAllWindows(),
  /** Makes `ipcRenderer` the renderer of `contents` (its top frame, or `frame`). */
  attachRenderer(contents: FakeWebContents, frame?: FakeWebFrame): FakeRenderer {
    const renderer = new FakeRenderer(fakeIpcMain, contents, frame);
    contents.renderer = renderer;
    state.renderer = renderer;
    return renderer;
  },
  /** A renderer in a sub-frame of `contents`, at `url`. */
  subFrameRenderer(contents: FakeWebContents, url: string): FakeRenderer {
    return new FakeRenderer(fakeIpcMain, contents, new FakeWebFrame(url, contents.mainFrame));
  },
  reset(): void {
    fakeApp.reset();
    fakeIpcMain.handlers.clear();
    for (const window of FakeBrowserWindow.getAllWindows()) window.destroy();
    Object.assign(state, { session: new FakeSession(), renderer: undefined, mainWorld: {}, openedExternally: [], applicationMenu: undefined, errorBoxes: [] });
  },
};

export type { FakeBrowserWindow, FakeRenderer, FakeSession, FakeWebContents };
