// The provisioned stack in a real Grafana: every dashboard loads without a panel error, the datasources'
// health checks pass, and every alert rule is provisioned.
import { expect, test } from '@grafana/plugin-e2e';
import { ALL_RULES } from '../src/alerting/rules';
import { buildDashboards } from '../src/dashboards';
import { ALERT_FOLDERS, DATASOURCES, FOLDERS, FOLDER_UIDS } from '../src/grafana/ids';

test.beforeEach(() => {
  test.skip(process.env.GRAFANA_REACHABLE !== '1', `SKIPPED: no Grafana at ${process.env.GRAFANA_URL || 'http://localhost:3000'} — run docker compose up -d`);
});

for (const { id, model } of buildDashboards()) {
  test(`dashboard "${id.title}" loads without panel errors`, async ({ gotoDashboardPage }) => {
    const dashboardPage = await gotoDashboardPage({ uid: id.uid });
    const titles = ((model.panels as { type: string; title: string; panels?: unknown[] }[]) ?? [])
      .filter((panel) => panel.type !== 'row')
      .map((panel) => panel.title);
    for (const title of titles) {
      await expect(dashboardPage.getPanelByTitle(title).getErrorIcon()).toHaveCount(0);
    }
  });
}

for (const datasource of Object.values(DATASOURCES)) {
  test(`datasource ${datasource.uid} passes its health check`, async ({ gotoDataSourceConfigPage }) => {
    const configPage = await gotoDataSourceConfigPage(datasource.uid);
    // Our datasource is frontend-only: no Grafana /health call, its last test request is the proxied search.
    const path = datasource.uid === DATASOURCES.alphapulse.uid ? 'alphapulse/search/sources' : undefined;
    await expect(configPage.saveAndTest(path ? { path } : undefined)).toBeOK();
  });
}

test('every alert rule is provisioned', async ({ page }) => {
  const response = await page.request.get('/api/v1/provisioning/alert-rules');
  expect(response.ok()).toBe(true);
  const titles = ((await response.json()) as { title: string }[]).map((rule) => rule.title);
  for (const rule of ALL_RULES) expect(titles).toContain(rule.title);
});

test('every folder exists once, dashboard folders with their fixed UIDs (docs/grafana-behaviour.md)', async ({ page }) => {
  const response = await page.request.get('/api/folders?limit=1000');
  expect(response.ok()).toBe(true);
  const folders = (await response.json()) as { uid: string; title: string }[];
  for (const title of [...Object.values(FOLDERS), ...Object.values(ALERT_FOLDERS)]) {
    expect(folders.filter((folder) => folder.title === title)).toHaveLength(1);
  }
  for (const title of Object.values(FOLDERS)) expect(folders.find((folder) => folder.title === title)?.uid).toBe(FOLDER_UIDS[title]);
});
