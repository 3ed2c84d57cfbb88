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
  /**
   * Fetches a file the core wrote into the data folder for the user to take away, when the user
   * may be on another machine (serve mode). Absent where the file is already on the user's disk
   * (desktop, in-process): callers show its path instead.
   */
  download?(file: DownloadableFile): Promise<Blob>;
}

/** Today only GDPR exports (`gdpr.export` without a chosen path), by their file name. */
export interface DownloadableFile {
  area: 'exports';
  name: string;
}

/** The shape preload exposes as `window.dihya` (structured-clone friendly: no classes cross). */
export interface DihyaBridge {
  invoke(command: string, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }>;
  onEvent(listener: (event: unknown) => void): () => void;
}
