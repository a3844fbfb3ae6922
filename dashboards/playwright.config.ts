// @grafana/plugin-e2e specs for the provisioned stack: `docker compose up -d && npm run e2e -w @alphapulse/dashboards`.
// Grafana is probed once; without one the specs report themselves skipped (never passed).
import type { PluginOptions } from '@grafana/plugin-e2e';
import { defineConfig, devices, type Project } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';

const grafanaUrl = process.env.GRAFANA_URL || 'http://localhost:3000';
const pluginE2eAuth = `${dirname(require.resolve('@grafana/plugin-e2e'))}/auth`;

if (process.env.GRAFANA_REACHABLE === undefined) {
  const probe = spawnSync(process.execPath, ['-e', `fetch(${JSON.stringify(`${grafanaUrl}/api/health`)}).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`], { timeout: 5000 });
  process.env.GRAFANA_REACHABLE = probe.status === 0 ? '1' : '0';
  if (probe.status !== 0) console.warn(`\n⚠ No Grafana answers at ${grafanaUrl}: the stack specs will be SKIPPED (docker compose up -d first).\n`);
}

// Debian's Chromium where it is installed (`npx playwright install` cannot download browsers on our machines);
// elsewhere (e.g. a CI runner) Playwright's own browser.
const chromiumPath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  },
};

const projects: Project[] =
  process.env.GRAFANA_REACHABLE === '1'
    ? [
        { name: 'auth', testDir: pluginE2eAuth, testMatch: [/.*\.js/], use: browser },
        { name: 'chromium', use: { ...browser, storageState: 'playwright/.auth/admin.json' }, dependencies: ['auth'] },
      ]
    : [{ name: 'chromium', use: browser }];

export default defineConfig<PluginOptions>({
  testDir: './e2e',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: { baseURL: grafanaUrl, trace: 'on-first-retry' },
  projects,
});
