import type { Command } from 'commander';
import { createCore, resolveDataDir, type Core } from '../host/index.ts';
import type { CliIo } from './output.ts';

export interface GlobalOptions {
  dataDir?: string;
  json?: boolean;
}

/** What every command module gets: the IO, the global flags, and the core opened on demand. */
export interface CliContext {
  io: CliIo;
  env: NodeJS.ProcessEnv;
  globals(): GlobalOptions;
  /** Opens the store only for commands that need it, so --help and --version never touch disk. */
  withCore<T>(run: (core: Core) => Promise<T>, mode?: 'cli' | 'serve'): Promise<T>;
  openCore(mode: 'cli' | 'serve'): Promise<Core>;
}

export function createCliContext(program: Command, io: CliIo, env: NodeJS.ProcessEnv): CliContext {
  const globals = () => program.opts<GlobalOptions>();
  const openCore = (mode: 'cli' | 'serve') => createCore({ dataDir: resolveDataDir(globals().dataDir, env), mode });
  return {
    io,
    env,
    globals,
    openCore,
    withCore: async (run, mode = 'cli') => {
      const core = await openCore(mode);
      try {
        return await run(core);
      } finally {
        await core.dispose();
      }
    },
  };
}
