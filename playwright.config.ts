import { defineConfig } from '@playwright/test';
import { electronAvailability } from './scripts/electron-check.cjs';

const electron = electronAvailability();

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    browserName: 'chromium',
    launchOptions: {
      // Playwright cannot download its own browsers here: use the system's Chromium.
      executablePath: process.env.MINNES_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    trace: 'retain-on-failure',
  },
  outputDir: 'test-results/e2e',
  projects: [
    { name: 'browser', testDir: './e2e/browser' },
    // The real app runs only where Electron's binary exists and can open a window.
    ...(electron.ok ? [{ name: 'electron', testDir: './e2e/electron' }] : []),
  ],
});
