import { resolve } from 'node:path';
import type { CommandInput, CommandName, DihyaClient, DihyaEvent } from '../api/index.ts';
import { systemClock, type Clock, type Disposable } from '../common/index.ts';
import { openStore, type Store } from '../db/index.ts';
import { createDispatcher, type Dispatch } from './dispatcher.ts';
import { EventBus } from './event-bus.ts';
import { createHandlers } from './handlers.ts';
import { DIHYA_VERSION } from './version.ts';

export interface CoreConfig {
  dataDir: string;
  mode: 'desktop' | 'serve' | 'cli' | 'test';
}

/** What the shell around the core provides (Electron, serve, CLI, tests). Grows with later features. */
export interface CorePorts {
  clock?: Clock;
}

export interface Core extends Disposable {
  readonly dataDir: string;
  readonly store: Store;
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  /** The same contract as the IPC and HTTP clients, in-process. */
  readonly client: DihyaClient;
  dispose(): Promise<void>;
}

/** The composition root: opens the store, wires handlers to the contract, and owns their lifetimes. */
export async function createCore(config: CoreConfig, ports: CorePorts = {}): Promise<Core> {
  const dataDir = resolve(config.dataDir);
  const store = await openStore(dataDir);
  const bus = new EventBus();
  const handlers = createHandlers({ version: DIHYA_VERSION, mode: config.mode, dataDir, schemaVersion: store.schemaVersion });
  const dispatch = createDispatcher({ db: store.db, dbFile: store.file, dataDir, clock: ports.clock ?? systemClock, bus, handlers });
  const client: DihyaClient = {
    invoke: <K extends CommandName>(command: K, input: CommandInput<K>) => dispatch<K>(command, input),
    subscribe: (listener: (event: DihyaEvent) => void) => {
      const subscription = bus.subscribe(listener);
      return () => void subscription.dispose();
    },
  };
  let disposed = false;
  return {
    dataDir,
    store,
    dispatch,
    events: bus,
    client,
    dispose: async () => {
      if (disposed) return;
      disposed = true;
      await store.close();
    },
  };
}
