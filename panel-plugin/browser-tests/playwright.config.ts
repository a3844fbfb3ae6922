import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

// Real-browser tests of the built plugin in a harness page; no Grafana needed (see tests/ for that).
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.browser\.ts$/,
  outputDir: '../test-results/browser',
  timeout: 90_000,
  workers: 1,
  reporter: [['list']],
  use: {
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    viewport: { width: 1140, height: 640 },
  },
});
