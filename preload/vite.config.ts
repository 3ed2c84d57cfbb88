import { defineConfig } from 'vite';

// The sandboxed preload: CommonJS (sandboxed preloads cannot be ESM) and self-contained, because
// a sandboxed preload may `require` only `electron` (and a few polyfilled built-ins we do not use).
// No node: imports here: the layering rule for preload/ applies to this file too.
const root = `${import.meta.dirname}/..`;

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: `${root}/dist-electron/preload`,
    emptyOutDir: true,
    target: 'chrome140',
    minify: false,
    sourcemap: true,
    copyPublicDir: false,
    lib: {
      entry: `${root}/preload/index.ts`,
      formats: ['cjs'],
      fileName: () => 'index.cjs',
    },
    rolldownOptions: {
      external: ['electron'],
    },
  },
});
