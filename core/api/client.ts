import type { CommandInput, CommandName, CommandOutput } from './commands.ts';
import type { DihyaEvent } from './events.ts';

/**
 * What the UI (and tests) talk to. Implemented over Electron IPC (preload), over HTTP (serve
 * mode) and in-process (the core itself). Failures reject with an `AppError`.
 */
export interface DihyaClient {
  invoke<K extends CommandName>(command: K, input: CommandInput<K>): Promise<CommandOutput<K>>;
  /** Returns an unsubscribe function. */
  subscribe(listener: (event: DihyaEvent) => void): () => void;
}

/** The shape preload exposes as `window.dihya` (structured-clone friendly: no classes cross). */
export interface DihyaBridge {
  invoke(command: string, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }>;
  onEvent(listener: (event: unknown) => void): () => void;
}
