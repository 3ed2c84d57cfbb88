import type { DihyaBridge } from '../core/api/index.ts';

declare global {
  interface Window {
    /** Exposed by preload inside the Electron window; absent in a browser (serve mode). */
    readonly dihya?: DihyaBridge;
  }
}
