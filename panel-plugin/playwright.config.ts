import type { PluginOptions } from '@grafana/plugin-e2e';
import { defineConfig, devices, type Project } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser-tests/chromium';

const pluginE2eAuth = `${dirname(require.resolve('@grafana/plugin-e2e'))}/auth`;
const grafanaUrl = process.env.GRAFANA_URL || 'http://localhost:3000';

// Probe Grafana once, synchronously (the config cannot await). Without it the login project would fail,
// so it is left out and the spec reports its tests as skipped with the reason.
if (process.env.GRAFANA_REACHABLE === undefined) {
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `fetch(${JSON.stringify(`${grafanaUrl}/api/health`)}).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`,
    ],
    { timeout: 5000 }
  );
  process.env.GRAFANA_REACHABLE = probe.status === 0 ? '1' : '0';
  if (probe.status !== 0) {
    console.warn(
      `\n⚠ No Grafana answers at ${grafanaUrl}: the @grafana/plugin-e2e specs will be SKIPPED (start one with \`npm run server\`).\n`
    );
  }
}
const grafanaReachable = process.env.GRAFANA_REACHABLE === '1';

const browser = { ...devices['Desktop Chrome'], launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } };

const projects: Project[] = grafanaReachable
  ? [
      // 1. Login to Grafana and store the cookie on disk for use in other tests.
      { name: 'auth', testDir: pluginE2eAuth, testMatch: [/.*\.js/], use: browser },
      // 2. Every test starts authenticated as admin user.
      { name: 'chromium', use: { ...browser, storageState: 'playwright/.auth/admin.json' }, dependencies: ['auth'] },
    ]
  : [{ name: 'chromium', use: browser }];

/**
 * @grafana/plugin-e2e specs against a running Grafana (tests/). The real-browser harness tests that need
 * no Grafana have their own config in browser-tests/.
 */
export default defineConfig<PluginOptions>({
  testDir: './tests',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 2 : 0,
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: grafanaUrl,
    trace: 'on-first-retry',
  },
  projects,
});
