import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { EVENT_CHANNEL, commandNames, type DihyaEvent } from '../core/api/index.ts';
import { createCore, type Core } from '../core/host/index.ts';
import { resolveAppPaths } from './app-paths.ts';
import { registerIpcAdapter, type IpcEnvelope, type IpcRegistration } from './ipc-adapter.ts';
import { fakeElectron, type FakeBrowserWindow } from './test-support/fake-electron.ts';
import { FakeBrowserWindow as WindowDouble } from './test-support/fake-web-contents.ts';

vi.mock('electron', () => import('./test-support/fake-electron.ts'));

const paths = resolveAppPaths(join(tmpdir(), 'dihya-app-root'));

/** A window showing the app page, as createMainWindow leaves it. */
async function appWindow(): Promise<FakeBrowserWindow> {
  const window = new WindowDouble({});
  await window.loadFile(paths.indexHtml);
  return window;
}

describe('registerIpcAdapter', () => {
  let dataDir: string;
  let core: Core;
  let window: FakeBrowserWindow | undefined;
  let adapter: IpcRegistration;

  beforeEach(async () => {
    fakeElectron.reset();
    dataDir = mkdtempSync(join(tmpdir(), 'dihya-ipc-adapter-'));
    core = await createCore({ dataDir, mode: 'test' });
    window = await appWindow();
    adapter = registerIpcAdapter({ core, window: () => window as unknown as BrowserWindow | undefined, appUrl: paths.appUrl });
  });

  afterEach(async () => {
    adapter.dispose();
    await core.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('registers exactly one handler per contract command', () => {
    expect([...fakeElectron.ipcMain.handlers.keys()].sort()).toEqual(commandNames.map((name) => `dihya:${name}`).sort());
  });

  it('answers the app window with the core result in an envelope', async () => {
    const renderer = fakeElectron.attachRenderer(window!.webContents);
    const answer = (await renderer.invoke('dihya:app.info', {})) as IpcEnvelope;
    expect(answer).toMatchObject({ ok: true, value: { name: 'Dihya', mode: 'test' } });
  });

  it('returns AppErrors as {code, message, details} envelopes, validated by the contract', async () => {
    const renderer = fakeElectron.attachRenderer(window!.webContents);
    const answer = (await renderer.invoke('dihya:projects.create', { name: '' })) as IpcEnvelope;
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { issues: [expect.objectContaining({ path: 'name' })] } } });
  });

  it('refuses a foreign sender: another window, a sub-frame, a page that left the app, no window at all', async () => {
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const foreign = new WindowDouble({});
    await foreign.loadFile(paths.indexHtml); // even showing the same file, it is not Dihya's window
    const callers = [
      fakeElectron.attachRenderer(foreign.webContents),
      fakeElectron.subFrameRenderer(window!.webContents, paths.appUrl),
    ];
    for (const renderer of callers) {
      expect(await renderer.invoke('dihya:projects.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }

    const renderer = fakeElectron.attachRenderer(window!.webContents);
    window!.webContents.mainFrame.url = 'https://evil.example/';
    expect(await renderer.invoke('dihya:projects.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    window!.webContents.mainFrame.url = paths.appUrl;
    expect(await renderer.invoke('dihya:projects.list', {})).toMatchObject({ ok: true });
    window = undefined;
    expect(await renderer.invoke('dihya:projects.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The refusals changed nothing, and each was logged.
    expect((await core.client.invoke('projects.list', {})).total).toBe(0);
    expect(warned).toHaveBeenCalledTimes(4);
  });

  it('forwards core events to the app window only', async () => {
    const renderer = fakeElectron.attachRenderer(window!.webContents);
    const received: unknown[] = [];
    renderer.on(EVENT_CHANNEL, (_event, payload) => received.push(payload));
    const event: DihyaEvent = { type: 'progress', taskId: 't1', label: 'Rendering', done: 1, total: 3 };
    core.events.emit(event);
    await new Promise((resolve) => setImmediate(resolve));
    expect(received).toEqual([event]);

    window!.webContents.mainFrame.url = 'https://evil.example/';
    core.events.emit(event);
    window = undefined;
    core.events.emit(event);
    await new Promise((resolve) => setImmediate(resolve));
    expect(received).toHaveLength(1);
  });

  it('removes its handlers and its event subscription on dispose', () => {
    expect(core.events.size).toBe(1);
    adapter.dispose();
    expect(fakeElectron.ipcMain.handlers.size).toBe(0);
    expect(core.events.size).toBe(0);
  });
});

describe('registerIpcAdapter with a failing core', () => {
  beforeEach(() => fakeElectron.reset());

  it('turns an unexpected error into INTERNAL without leaking its message or stack', async () => {
    const failing = {
      dispatch: async () => {
        throw new Error('ENOENT /home/secret-user/.ssh/id_rsa');
      },
      events: { subscribe: () => ({ dispose: () => undefined }) },
    } as unknown as Core;
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const window = await appWindow();
    const adapter = registerIpcAdapter({ core: failing, window: () => window as unknown as BrowserWindow, appUrl: paths.appUrl });
    try {
      const answer = (await fakeElectron.attachRenderer(window.webContents).invoke('dihya:app.info', {})) as IpcEnvelope;
      expect(answer.ok).toBe(false);
      if (answer.ok) return;
      expect(answer.error.code).toBe('INTERNAL');
      expect(JSON.stringify(answer)).not.toMatch(/secret-user|id_rsa/);
      expect(answer.error).not.toHaveProperty('stack');
      expect(logged).toHaveBeenCalled();
    } finally {
      adapter.dispose();
    }
  });
});
