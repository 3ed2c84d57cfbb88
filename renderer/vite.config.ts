import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Node-side build tooling: type-checked by e2e/tsconfig.json (which has Node types), not by
// renderer/tsconfig.json — importing vite's types would pull @types/node into the renderer.
export default defineConfig({
  root: import.meta.dirname,
  // Relative asset URLs: the same build loads from file:// in Electron and from / in serve mode.
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Electron and current Chromium only: no legacy transpilation needed.
    target: 'es2023',
  },
});
