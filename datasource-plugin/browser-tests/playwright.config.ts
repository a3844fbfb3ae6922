import { defineConfig } from '@playwright/test';

// The built dist/module.js in headless Chromium against the live query API; no Grafana needed (tests/ is for that).
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.browser\.ts$/,
  outputDir: '../test-results/browser',
  timeout: 120_000,
  workers: 1,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
