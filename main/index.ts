// The Electron main process (bundled to dist-electron/main/index.js, package.json "main").
import { startDesktopApp } from './app-lifecycle.ts';

void startDesktopApp();
