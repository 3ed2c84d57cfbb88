import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium when present (no browser download in CI images); Playwright's own otherwise.
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // Each test starts its own `dihya serve`; one at a time keeps ports, CPU and logs predictable.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: 'list',
  // Generous: CI and developers share two cores with other work, and a journey that starts a
  // server, a browser and (for some) an IPFS node can be slow without being wrong. Tests wait on
  // visible state, never on time, so a longer limit only costs time when something is broken.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  forbidOnly: Boolean(process.env.CI),
  use: {
    browserName: 'chromium',
    locale: 'en-US',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-quic',
        '--disable-sync',
      ],
    },
  },
});
