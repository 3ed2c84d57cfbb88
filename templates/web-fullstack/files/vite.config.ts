import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// One config for the front end (vite), its dev proxy to the API, and the tests (vitest).
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? '3000'}` },
  },
  build: { outDir: 'dist', emptyOutDir: true },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
