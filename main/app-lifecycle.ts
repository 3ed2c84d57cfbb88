import { app, dialog, Menu, session, type BrowserWindow } from 'electron';
import { isAppError } from '../core/api/index.ts';
import { createCore, type Core } from '../core/host/index.ts';
import { resolveAppPaths } from './app-paths.ts';
import { registerIpcAdapter, type IpcRegistration } from './ipc-adapter.ts';
import { buildMenuTemplate } from './menu.ts';
import { hardenSession, hardenWebContents } from './security.ts';
import { createMainWindow } from './window.ts';

export interface DesktopAppOptions {
  /** Injected by tests; the real app follows the OS it runs on. */
  platform?: NodeJS.Platform;
}

/**
 * The desktop shell's whole life: one instance, one core opened on Electron's userData folder,
 * the IPC adapter, one window; the core is disposed before the process exits.
 * Resolves once the window is open (or start-up failed and the app is exiting); never rejects.
 */
export function startDesktopApp({ platform = process.platform }: DesktopAppOptions = {}): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return Promise.resolve();
  }
  // Every renderer sandboxed, whatever a future BrowserWindow forgets to say.
  app.enableSandbox();

  const paths = resolveAppPaths(app.getAppPath());
  let core: Core | undefined;
  let ipc: IpcRegistration | undefined;
  let window: BrowserWindow | undefined;

  const openWindow = (): void => {
    const opened = createMainWindow({ paths, devTools: !app.isPackaged });
    opened.on('closed', () => {
      if (window === opened) window = undefined;
    });
    window = opened;
  };

  // Defence in depth: any web contents, including ones Dihya did not create itself, is locked down.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, paths.appUrl));
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    // macOS convention: the app stays in the dock until the user quits it.
    if (platform !== 'darwin') app.quit();
  });

  const started = app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ appName: 'Dihya', isMac: platform === 'darwin', isPackaged: app.isPackaged })));
    core = await createCore({ dataDir: app.getPath('userData'), mode: 'desktop' });
    ipc = registerIpcAdapter({ core, window: () => window, appUrl: paths.appUrl });
    openWindow();
    app.on('activate', () => {
      if (!window) openWindow();
    });
  });

  // will-quit may fire before start-up finished; the release waits for it, then closes the store.
  let release: Promise<void> | undefined;
  let released = false;
  app.on('will-quit', (event) => {
    if (released) return;
    event.preventDefault();
    release ??= (async () => {
      await started.catch(() => undefined);
      ipc?.dispose();
      await core?.dispose();
    })()
      .catch((error: unknown) => console.error('[dihya] the core did not shut down cleanly:', error))
      .finally(() => {
        released = true;
        app.quit();
      });
  });

  return started.catch(async (error: unknown) => {
    console.error('[dihya] start-up failed:', error);
    // An AppError's message is written for the user (e.g. an unwritable or damaged data folder).
    const message = isAppError(error) ? error.message : 'An unexpected error stopped Dihya from starting. The details are in the application log.';
    dialog.showErrorBox('Dihya could not start', message);
    // app.exit skips will-quit, so whatever did open is closed here.
    ipc?.dispose();
    await core?.dispose().catch(() => undefined);
    app.exit(1);
  });
}
