import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';

/** A cancellable Electron event: `preventDefault()` is how listeners veto navigations. */
export class FakeEvent<T extends object = object> {
  defaultPrevented = false;
  constructor(params: T) {
    Object.assign(this, params);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeWebFrame {
  url: string;
  readonly parent: FakeWebFrame | null;
  constructor(url: string, parent: FakeWebFrame | null = null) {
    this.url = url;
    this.parent = parent;
  }
}

export interface WindowOpenDetails {
  url: string;
}
export type WindowOpenHandler = (details: WindowOpenDetails) => { action: 'allow' | 'deny' };

/** What `webContents.send` delivers to: the renderer attached to these web contents, if any. */
export interface RendererInbox {
  deliver(channel: string, args: unknown[]): void;
}

let nextWebContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly mainFrame: FakeWebFrame;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: WindowOpenHandler | undefined;
  renderer: RendererInbox | undefined;
  private destroyed = false;

  constructor(url = 'about:blank') {
    super();
    this.mainFrame = new FakeWebFrame(url);
  }

  getURL(): string {
    return this.mainFrame.url;
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  /** Like real IPC: arguments are structured-cloned now and arrive on a later turn. */
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    const cloned = args.map((arg) => structuredClone(arg));
    this.sent.push({ channel, args: cloned });
    const renderer = this.renderer;
    if (renderer) setImmediate(() => renderer.deliver(channel, cloned));
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.destroyed = true;
    this.renderer = undefined;
  }

  /** Test helper: a renderer-initiated navigation; returns whether a listener cancelled it. */
  navigate(url: string, event: 'will-navigate' | 'will-redirect' = 'will-navigate'): { prevented: boolean } {
    const fired = new FakeEvent({ url });
    this.emit(event, fired, url);
    if (!fired.defaultPrevented && event === 'will-navigate') this.mainFrame.url = url;
    return { prevented: fired.defaultPrevented };
  }

  /** Test helper: what `window.open(url)` in the page would get. */
  openWindow(url: string): { action: 'allow' | 'deny' } {
    return this.windowOpenHandler ? this.windowOpenHandler({ url }) : { action: 'allow' };
  }

  /** Test helper: a <webview> trying to attach. */
  attachWebview(): { prevented: boolean } {
    const fired = new FakeEvent({});
    this.emit('will-attach-webview', fired, {}, {});
    return { prevented: fired.defaultPrevented };
  }

  loadFile(path: string): void {
    this.mainFrame.url = pathToFileURL(path).href;
  }
}

export type WebContentsCreatedHook = (contents: FakeWebContents) => void;

/** Records its options; `loadFile` only sets the URL (the renderer build need not exist). */
export class FakeBrowserWindow extends EventEmitter {
  static readonly all: FakeBrowserWindow[] = [];
  static onWebContentsCreated: WebContentsCreatedHook = () => undefined;
  static onAllClosed: () => void = () => undefined;

  readonly webContents = new FakeWebContents();
  readonly loadedFiles: string[] = [];
  shown = false;
  focused = false;
  minimized = false;
  private destroyed = false;

  readonly options: Record<string, unknown>;

  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
    FakeBrowserWindow.all.push(this);
    FakeBrowserWindow.onWebContentsCreated(this.webContents);
  }

  static getAllWindows(): FakeBrowserWindow[] {
    return [...FakeBrowserWindow.all];
  }

  get webPreferences(): Record<string, unknown> {
    return (this.options.webPreferences ?? {}) as Record<string, unknown>;
  }

  async loadFile(path: string): Promise<void> {
    this.loadedFiles.push(path);
    this.webContents.loadFile(path);
    setImmediate(() => this.emit('ready-to-show'));
  }

  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Closing the last window fires the app's `window-all-closed`, as in Electron. */
  close(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroy();
    FakeBrowserWindow.all.splice(FakeBrowserWindow.all.indexOf(this), 1);
    this.emit('closed');
    if (FakeBrowserWindow.all.length === 0) FakeBrowserWindow.onAllClosed();
  }

  destroy(): void {
    this.close();
  }
}
