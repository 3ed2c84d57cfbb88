// The sandboxed preload (bundled to dist-electron/preload/index.cjs: sandboxed preloads cannot be
// ESM and may require nothing but `electron`). It exposes window.dihya and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createDihyaBridge } from './bridge.ts';

contextBridge.exposeInMainWorld('dihya', createDihyaBridge(ipcRenderer));
