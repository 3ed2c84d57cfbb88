import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMAND_CHANNEL_PREFIX, clientFromBridge, commandNames, type DihyaBridge } from '../core/api/index.ts';
import { createCore } from '../core/host/index.ts';
import { runContractSuite } from '../core/test-support/contract-suite.ts';
import { resolveAppPaths } from './app-paths.ts';
import { registerIpcAdapter } from './ipc-adapter.ts';
import { fakeElectron } from './test-support/fake-electron.ts';
import { createMainWindow } from './window.ts';
// eslint-disable-next-line no-restricted-imports -- this test wires both ends of the bridge: main's adapter and the real preload (which exposes window.dihya on import).
import '../preload/index.ts';

vi.mock('electron', () => import('./test-support/fake-electron.ts'));

/**
 * The whole Electron transport end to end on the stand-in: the real core, main's adapter, the
 * real preload, and the renderer's bridge client. A call crosses contextBridge and IPC (both
 * cloning), events travel back through webContents.send and the preload's onEvent.
 */
const paths = resolveAppPaths(join(tmpdir(), 'dihya-app-root'));

/** The preload ran once on import, as in a renderer; each new window re-points that renderer. */
function exposedBridge(): DihyaBridge {
  return fakeElectron.mainWorld.dihya as DihyaBridge;
}

async function startIpcTarget() {
  const dataDir = mkdtempSync(join(tmpdir(), 'dihya-contract-ipc-'));
  const core = await createCore({ dataDir, mode: 'desktop' });
  const window = createMainWindow({ paths, devTools: false });
  const adapter = registerIpcAdapter({ core, window: () => window, appUrl: paths.appUrl });
  fakeElectron.attachRenderer(window.webContents as never);
  const bridge = exposedBridge();
  return {
    bridge,
    client: clientFromBridge(bridge),
    dispose: async () => {
      adapter.dispose();
      window.destroy();
      await core.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

runContractSuite('ipc', startIpcTarget);

describe('the preload over the stand-in electron', () => {
  let target: Awaited<ReturnType<typeof startIpcTarget>>;
  beforeAll(async () => {
    target = await startIpcTarget();
    return () => target.dispose();
  });

  it('exposes exactly window.dihya, with only invoke and onEvent', () => {
    expect(Object.keys(fakeElectron.mainWorld)).toEqual(['dihya']);
    const bridge = fakeElectron.mainWorld.dihya as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onEvent']);
    expect(typeof bridge.invoke).toBe('function');
    expect(typeof bridge.onEvent).toBe('function');
  });

  it('uses the same channels as main: one per command', async () => {
    const renderer = fakeElectron.attachRenderer(fakeElectron.windows().at(-1)!.webContents);
    for (const name of commandNames) await target.bridge.invoke(name, {});
    expect(renderer.invoked).toEqual(commandNames.map((name) => COMMAND_CHANNEL_PREFIX + name));
  });

  it('never lets an unknown command reach ipcMain', async () => {
    const renderer = fakeElectron.attachRenderer(fakeElectron.windows().at(-1)!.webContents);
    for (const name of ['projects.format', 'event', '__proto__', 'constructor', 'hasOwnProperty', 'dihya:app.info', '', 42, null, { toString: () => 'app.info' }]) {
      const answer = await target.bridge.invoke(name as string, {});
      expect(answer, String(name)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    }
    expect(renderer.invoked).toEqual([]);
  });

  it('hands event listeners the payload only, and unsubscribes', async () => {
    const renderer = fakeElectron.attachRenderer(fakeElectron.windows().at(-1)!.webContents);
    const seen: unknown[][] = [];
    const unsubscribe = target.bridge.onEvent((...args: unknown[]) => seen.push(args));
    const created = await target.client.invoke('projects.create', { name: 'Payload only' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual([[{ type: 'project.created', project: created }]]);
    const before = renderer.listenerCount('dihya:event');
    unsubscribe();
    expect(renderer.listenerCount('dihya:event')).toBe(before - 1);
  });
});
