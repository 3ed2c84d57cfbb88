import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The Electron main process: main/index.ts and the core it imports, bundled into one ESM file.
const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };

/**
 * Electron, Node built-ins and every runtime dependency stay `import`s: electron-builder ships
 * `dependencies` in node_modules (better-sqlite3 must stay a real module to load its .node
 * binary). Anything else main reaches is bundled, so a devDependency can never be missing at run time.
 */
const runtimePackages = Object.keys(pkg.dependencies ?? {});
const builtins = new Set(builtinModules);

export function isExternal(id: string): boolean {
  if (id === 'electron' || id.startsWith('electron/')) return true;
  if (id.startsWith('node:') || builtins.has(id)) return true;
  return runtimePackages.some((name) => id === name || id.startsWith(`${name}/`));
}

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  ssr: { target: 'node', noExternal: true },
  build: {
    ssr: resolve(root, 'main/index.ts'),
    // Two levels below the root on purpose: core/host/version.ts finds package.json at
    // `../../package.json` from import.meta.url, which then still points at the app root.
    outDir: resolve(root, 'dist-electron/main'),
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: true,
    copyPublicDir: false,
    rolldownOptions: {
      external: isExternal,
      // One file: the core loads heavy parts (IPFS, the spec parser) with dynamic import(), which
      // would otherwise become chunks beside index.js.
      output: { format: 'es', entryFileNames: 'index.js', codeSplitting: false },
    },
  },
});
