import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveAppPaths } from './app-paths.ts';
import { fakeElectron, type FakeBrowserWindow } from './test-support/fake-electron.ts';
import { createMainWindow } from './window.ts';

vi.mock('electron', () => import('./test-support/fake-electron.ts'));

const paths = resolveAppPaths('/opt/Dihya/resources/app.asar');

describe('createMainWindow', () => {
  let window: FakeBrowserWindow;
  beforeEach(() => {
    fakeElectron.reset();
    window = createMainWindow({ paths, devTools: false }) as unknown as FakeBrowserWindow;
  });

  it('sets every security flag of the renderer', () => {
    expect(window.webPreferences).toMatchObject({
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
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
    // Nothing that would loosen them sneaks in.
    expect(window.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(window.webPreferences).not.toHaveProperty('additionalArguments');
    expect(window.webPreferences).not.toHaveProperty('partition');
  });

  it('uses the built preload and loads the built renderer from a file', () => {
    expect(window.webPreferences.preload).toBe(paths.preload);
    expect(paths.preload.replaceAll('\\', '/')).toMatch(/\/dist-electron\/preload\/index\.cjs$/);
    expect(window.loadedFiles).toEqual([paths.indexHtml]);
    expect(paths.indexHtml.replaceAll('\\', '/')).toMatch(/\/renderer\/dist\/index\.html$/);
    expect(window.webContents.getURL()).toBe(paths.appUrl);
  });

  it('is locked down on its own: no navigation away, no new windows', () => {
    expect(window.webContents.navigate('https://example.org/').prevented).toBe(true);
    expect(window.webContents.openWindow('https://example.org/')).toEqual({ action: 'deny' });
  });

  it('shows itself only once ready, to avoid a white flash', async () => {
    expect(window.shown).toBe(false);
    await new Promise((resolve) => setImmediate(resolve));
    expect(window.shown).toBe(true);
  });
});
