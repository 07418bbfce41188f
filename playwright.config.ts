import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/support/chromium';
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
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
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
