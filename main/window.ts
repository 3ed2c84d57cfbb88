import { BrowserWindow } from 'electron';
import type { AppPaths } from './app-paths.ts';
import { hardenWebContents } from './security.ts';

export interface MainWindowOptions {
  paths: AppPaths;
  /** Off in packaged builds: DevTools would let anyone at the keyboard script the bridge. */
  devTools: boolean;
}

/**
 * Dihya's one window. The renderer is untrusted web content: it runs sandboxed, isolated from the
 * preload, with no Node.js anywhere, and reaches the core only through `window.dihya`.
 * The webPreferences stay written out in this literal, never spread from elsewhere, so that a
 * reader and electronegativity both see every flag.
 */
export function createMainWindow({ paths, devTools }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 880,
    minHeight: 560,
    show: false,
    title: 'Dihya',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: paths.preload, // eng-disable PRELOAD_JS_CHECK -- reviewed: preload/index.ts exposes only window.dihya (invoke of contract commands, onEvent)
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would otherwise open links in new windows without going through a click handler.
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: true,
      devTools,
    },
  });
  // Also done for every web contents in app-lifecycle.ts; repeated here so a window is safe on its own.
  hardenWebContents(window.webContents, paths.appUrl);
  window.once('ready-to-show', () => window.show());
  window.loadFile(paths.indexHtml).catch((error: unknown) => console.error('[dihya] the window could not load the app:', error));
  return window;
}
