import { projectHandlers } from '../projects/index.ts';
import type { Handlers } from './handler-types.ts';

export interface AppInfoSource {
  version: string;
  mode: 'desktop' | 'serve' | 'cli' | 'test';
  dataDir: string;
  schemaVersion: number;
}

/** The services built by `createCore` that handlers call; each feature adds its own member. */
export interface CoreServices {
  info: AppInfoSource;
}

/** Every command of the contract must appear here; the `Handlers` type makes a missing one a compile error. */
export function createHandlers(services: CoreServices): Handlers {
  const { info } = services;
  return {
    'app.info': async () => ({
      name: 'Dihya' as const,
      version: info.version,
      mode: info.mode,
      dataDir: info.dataDir,
      schemaVersion: info.schemaVersion,
      runtime: { node: process.versions.node, platform: process.platform, arch: process.arch },
    }),
    ...projectHandlers,
  };
}
