import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where the built pieces sit inside the app: the repo root in development, `app.asar` once
 * packaged. Keep these in step with main/vite.config.ts, preload/vite.config.ts, the renderer's
 * build and electron-builder.yml (main/electron-builder-config.test.ts checks them together).
 */
export const PRELOAD_BUNDLE = 'dist-electron/preload/index.cjs';
export const RENDERER_ENTRY = 'renderer/dist/index.html';

export interface AppPaths {
  readonly preload: string;
  readonly indexHtml: string;
  /** The file:// URL the window shows; the only page trusted to call the core. */
  readonly appUrl: string;
}

export function resolveAppPaths(appRoot: string): AppPaths {
  const indexHtml = join(appRoot, ...RENDERER_ENTRY.split('/'));
  return Object.freeze({
    preload: join(appRoot, ...PRELOAD_BUNDLE.split('/')),
    indexHtml,
    appUrl: pathToFileURL(indexHtml).href,
  });
}
