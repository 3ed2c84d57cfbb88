import { describe, expect, it } from 'vitest';
import { commandNames } from '../core/api/index.ts';
import { createDihyaBridge, type BridgeIpc } from './bridge.ts';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** Just enough ipcRenderer to watch what the bridge does with it. */
function recordingIpc(answer: (channel: string, input: unknown) => Promise<unknown> = async () => ({ ok: true, value: null })) {
  const invoked: Array<{ channel: string; input: unknown }> = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc = {
    invoke: async (channel: string, input: unknown) => {
      invoked.push({ channel, input });
      return answer(channel, input);
    },
    on: (channel: string, listener: Listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
      return ipc;
    },
    removeListener: (channel: string, listener: Listener) => {
      listeners.get(channel)?.delete(listener);
      return ipc;
    },
  };
  const emit = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'the ipcRenderer itself' }, payload);
  };
  return { ipc: ipc as unknown as BridgeIpc, invoked, listeners, emit };
}

describe('createDihyaBridge', () => {
  it('sends each contract command on its own dihya: channel, with the input untouched', async () => {
    const { ipc, invoked } = recordingIpc();
    const bridge = createDihyaBridge(ipc);
    for (const name of commandNames) await bridge.invoke(name, { probe: name });
    expect(invoked).toEqual(commandNames.map((name) => ({ channel: `dihya:${name}`, input: { probe: name } })));
  });

  it('answers UNKNOWN_COMMAND itself for any other name, without touching IPC', async () => {
    const { ipc, invoked } = recordingIpc();
    const bridge = createDihyaBridge(ipc);
    for (const name of ['nope', 'event', '__proto__', 'toString', 'dihya:app.info', ' app.info', 'APP.INFO', undefined, 7]) {
      expect(await bridge.invoke(name as string, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND', message: expect.any(String) } });
    }
    expect(invoked).toEqual([]);
  });

  it('turns a failure of IPC itself into an INTERNAL envelope instead of a rejection', async () => {
    const { ipc } = recordingIpc(async () => {
      throw new Error("Error invoking remote method 'dihya:app.info': Error: No handler registered");
    });
    expect(await createDihyaBridge(ipc).invoke('app.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('passes event listeners the payload and nothing else, and unsubscribes', () => {
    const { ipc, emit, listeners } = recordingIpc();
    const bridge = createDihyaBridge(ipc);
    const calls: unknown[][] = [];
    const unsubscribe = bridge.onEvent((...args: unknown[]) => calls.push(args));
    emit('dihya:event', { type: 'project.deleted', id: 'x' });
    emit('some-other-channel', { type: 'project.deleted', id: 'y' });
    expect(calls).toEqual([[{ type: 'project.deleted', id: 'x' }]]);
    unsubscribe();
    expect(listeners.get('dihya:event')?.size).toBe(0);
    emit('dihya:event', { type: 'project.deleted', id: 'z' });
    expect(calls).toHaveLength(1);
  });

  it('refuses a listener that is not a function', () => {
    const { ipc } = recordingIpc();
    expect(() => createDihyaBridge(ipc).onEvent('alert(1)' as never)).toThrow(TypeError);
  });
});
