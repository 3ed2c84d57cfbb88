import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Host from '../core/host/index.ts';
import type { Core } from '../core/host/index.ts';
import { startDesktopApp } from './app-lifecycle.ts';
import { resolveAppPaths } from './app-paths.ts';
import { fakeElectron } from './test-support/fake-electron.ts';
import { FakeBrowserWindow } from './test-support/fake-web-contents.ts';

vi.mock('electron', () => import('./test-support/fake-electron.ts'));

// The real core, captured so the tests can see it opened on userData and closed at quit.
const cores = vi.hoisted(() => [] as Core[]);
vi.mock('../core/host/index.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof Host>();
  return {
    ...actual,
    createCore: async (...args: Parameters<typeof actual.createCore>) => {
      const core = await actual.createCore(...args);
      cores.push(core);
      return core;
    },
  };
});

describe('startDesktopApp', () => {
  let root: string;
  const { app } = fakeElectron;

  beforeEach(() => {
    fakeElectron.reset();
    cores.length = 0;
    root = mkdtempSync(join(tmpdir(), 'dihya-lifecycle-'));
    app.userDataPath = join(root, 'userData');
    app.appPath = join(root, 'app');
  });

  afterEach(async () => {
    app.willQuit();
    await vi.waitFor(() => expect(cores.every((core) => !core.store.sqlite.open)).toBe(true));
    rmSync(root, { recursive: true, force: true });
  });

  async function started(platform: NodeJS.Platform = 'linux'): Promise<void> {
    const running = startDesktopApp({ platform });
    app.becomeReady();
    await running;
  }

  it('gives way to an instance that already runs', async () => {
    app.hasSingleInstanceLock = false;
    await startDesktopApp({ platform: 'linux' });
    expect(app.quitCalls).toBe(1);
    expect(fakeElectron.windows()).toEqual([]);
    expect(fakeElectron.ipcMain.handlers.size).toBe(0);
    expect(cores).toEqual([]);
  });

  it('opens the core on userData, registers IPC, then opens one locked-down window', async () => {
    const running = startDesktopApp({ platform: 'linux' });
    expect(app.sandboxEnabled).toBe(true);
    expect(fakeElectron.windows()).toEqual([]); // nothing before ready
    app.becomeReady();
    await running;

    expect(existsSync(join(app.userDataPath, 'dihya.sqlite'))).toBe(true);
    expect(fakeElectron.ipcMain.handlers.size).toBeGreaterThan(0);
    const [window, ...others] = fakeElectron.windows();
    expect(others).toEqual([]);
    expect(window?.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: true });
    expect(window?.loadedFiles).toEqual([resolveAppPaths(app.appPath).indexHtml]);
    expect(fakeElectron.session.permissionRequestHandler).toBeTypeOf('function');
    expect(fakeElectron.session.headersListener).toBeTypeOf('function');
    expect(fakeElectron.applicationMenu?.template.length).toBeGreaterThan(0);

    const answer = await fakeElectron.attachRenderer(window!.webContents).invoke('dihya:app.info', {});
    expect(answer).toMatchObject({ ok: true, value: { mode: 'desktop', dataDir: app.userDataPath } });
  });

  it('locks down web contents it did not create itself', async () => {
    await started();
    const stray = new FakeBrowserWindow({});
    expect(stray.webContents.navigate('https://example.org/').prevented).toBe(true);
    expect(stray.webContents.openWindow('https://example.org/')).toEqual({ action: 'deny' });
    stray.destroy();
  });

  it('quits when the window closes, except on macOS where it reopens on activate', async () => {
    await started('linux');
    fakeElectron.windows()[0]?.close();
    expect(app.quitCalls).toBe(1);

    app.willQuit();
    await vi.waitFor(() => expect(app.quitCalls).toBe(2));
    fakeElectron.reset();
    app.userDataPath = join(root, 'userData-mac');
    app.appPath = join(root, 'app');
    await started('darwin');
    fakeElectron.windows()[0]?.close();
    expect(app.quitCalls).toBe(0);
    app.emit('activate');
    expect(fakeElectron.windows()).toHaveLength(1);
  });

  it('focuses the existing window when a second instance starts', async () => {
    await started();
    const window = fakeElectron.windows()[0]!;
    window.minimized = true;
    app.emit('second-instance');
    expect(window.isMinimized()).toBe(false);
    expect(window.focused).toBe(true);
  });

  it('holds the quit until IPC is removed and the core is disposed', async () => {
    await started();
    expect(app.willQuit().prevented).toBe(true);
    await vi.waitFor(() => expect(app.quitCalls).toBe(1));
    expect(fakeElectron.ipcMain.handlers.size).toBe(0);
    expect(cores[0]?.store.sqlite.open).toBe(false);
    expect(app.willQuit().prevented).toBe(false); // the second round lets Electron finish
  });

  it('tells the user and exits when the core cannot start', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    writeFileSync(app.userDataPath, 'not a folder');
    await started();
    expect(fakeElectron.errorBoxes).toEqual([{ title: 'Dihya could not start', content: expect.stringContaining(app.userDataPath) }]);
    expect(app.exitCodes).toEqual([1]);
    expect(fakeElectron.windows()).toEqual([]);
    expect(logged).toHaveBeenCalled();
  });
});
