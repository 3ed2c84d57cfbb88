import { describe, expect, it } from 'vitest';
import type { DihyaBridge } from '../../core/api/index.ts';
import { chooseClient, type StartEnvironment } from './choose-client.ts';

function environment(overrides: Partial<StartEnvironment> = {}): StartEnvironment {
  return {
    bridge: undefined,
    location: { origin: 'http://127.0.0.1:4870', hash: '', pathname: '/', search: '' },
    history: { replaceState: () => undefined },
    storage: undefined,
    ...overrides,
  };
}

describe('chooseClient', () => {
  it('uses the preload bridge inside Electron, whatever the URL says', async () => {
    const bridge: DihyaBridge = {
      invoke: async () => ({ ok: true, value: { id: 'x' } }),
      onEvent: () => () => undefined,
    };
    const choice = chooseClient(environment({ bridge }));
    expect(choice.kind === 'client' && choice.transport).toBe('ipc');
    if (choice.kind === 'client') expect(await choice.client.invoke('projects.get', { id: 'x' })).toEqual({ id: 'x' });
  });

  it('uses HTTP when the page was opened with a token', () => {
    const choice = chooseClient(environment({ location: { origin: 'http://127.0.0.1:4870', hash: '#token=abc', pathname: '/', search: '' } }));
    expect(choice.kind === 'client' && choice.transport).toBe('http');
  });

  it('asks for the link when there is no token', () => {
    expect(chooseClient(environment())).toEqual({ kind: 'missing-token' });
  });
});
