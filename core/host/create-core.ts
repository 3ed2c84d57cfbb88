import { resolve } from 'node:path';
import type { CommandInput, CommandName, DihyaClient, DihyaEvent } from '../api/index.ts';
import { DisposableStore, systemClock, type Clock, type Disposable } from '../common/index.ts';
import { openStore, type Store } from '../db/index.ts';
import { createDispatcher, type Dispatch } from './dispatcher.ts';
import { EventBus } from './event-bus.ts';
import { createHandlers, type CoreServices } from './handlers.ts';
import { DIHYA_VERSION } from './version.ts';

export interface CoreConfig {
  dataDir: string;
  mode: 'desktop' | 'serve' | 'cli' | 'test';
}

/**
 * What the shell around the core provides (Electron, serve, CLI, tests): OS notifications, secret
 * storage, dialogs… Each is optional; the core degrades to its own defaults without them.
 */
export interface CorePorts {
  clock?: Clock;
}

export interface Core extends Disposable {
  readonly dataDir: string;
  readonly store: Store;
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  readonly services: CoreServices;
  /** The same contract as the IPC and HTTP clients, in-process. */
  readonly client: DihyaClient;
  dispose(): Promise<void>;
}

/**
 * The composition root: opens the store, builds the services, wires handlers to the contract and
 * owns every lifetime. Long-lived services (scheduler, IPFS node…) are added to `owned`, which
 * disposes them in reverse order before the store closes.
 */
export async function createCore(config: CoreConfig, ports: CorePorts = {}): Promise<Core> {
  const dataDir = resolve(config.dataDir);
  const store = await openStore(dataDir);
  const owned = new DisposableStore();
  owned.add({ dispose: () => store.close() });
  const bus = new EventBus();
  const clock = ports.clock ?? systemClock;

  // Later features construct their services here, each registered with `owned`.
  const services: CoreServices = {
    info: { version: DIHYA_VERSION, mode: config.mode, dataDir, schemaVersion: store.schemaVersion },
  };

  const dispatch = createDispatcher({ db: store.db, dbFile: store.file, dataDir, clock, bus, handlers: createHandlers(services) });
  const client: DihyaClient = {
    invoke: <K extends CommandName>(command: K, input: CommandInput<K>) => dispatch<K>(command, input),
    subscribe: (listener: (event: DihyaEvent) => void) => {
      const subscription = bus.subscribe(listener);
      return () => void subscription.dispose();
    },
  };
  return { dataDir, store, dispatch, events: bus, services, client, dispose: () => owned.dispose() };
}
