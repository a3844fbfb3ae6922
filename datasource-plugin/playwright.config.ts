import type { PluginOptions } from '@grafana/plugin-e2e';
import { defineConfig, devices } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { GRAFANA_URL, NO_GRAFANA_REASON } from './tests/grafana';

const pluginE2eAuth = `${dirname(require.resolve('@grafana/plugin-e2e'))}/auth`;

// Probe Grafana once, synchronously (the config must be built before any test): without it the login project
// is left out and every spec skips with NO_GRAFANA_REASON.
if (!process.env.ALPHAPULSE_E2E_GRAFANA) {
  const probe = spawnSync(
    process.execPath,
    ['-e', `fetch(${JSON.stringify(`${GRAFANA_URL}/api/health`)}, { signal: AbortSignal.timeout(3000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`],
    { timeout: 5000 }
  );
  process.env.ALPHAPULSE_E2E_GRAFANA = probe.status === 0 ? 'up' : 'down';
}
const grafanaUp = process.env.ALPHAPULSE_E2E_GRAFANA === 'up';
if (!grafanaUp) {
  console.warn(`\n${'!'.repeat(100)}\n!! ${NO_GRAFANA_REASON}\n${'!'.repeat(100)}\n`);
}

// Debian's Chromium, never a downloaded browser (see ../shared TOOLCHAIN.md).
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export default defineConfig<PluginOptions>({
  testDir: './tests',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 2 : 0,
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: GRAFANA_URL,
    trace: 'on-first-retry',
    launchOptions,
  },
  projects: grafanaUp
    ? [
        // Log in to Grafana once and keep the cookie for the specs.
        { name: 'auth', testDir: pluginE2eAuth, testMatch: [/.*\.js/], use: { launchOptions } },
        {
          name: 'chromium',
          use: { ...devices['Desktop Chrome'], launchOptions, storageState: 'playwright/.auth/admin.json' },
          dependencies: ['auth'],
        },
      ]
    : [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }],
});
