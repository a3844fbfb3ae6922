import { expect, test } from '@grafana/plugin-e2e';
import { TEST_IDS } from '../src/constants/testIds';

// playwright.config.ts probes GRAFANA_URL once; without a Grafana these specs are skipped, never passed.
test.beforeEach(() => {
  test.skip(
    process.env.GRAFANA_REACHABLE !== '1',
    `SKIPPED: no Grafana answers at ${process.env.GRAFANA_URL || 'http://localhost:3000'} — start one with \`npm run server\``
  );
});

test('renders the AlphaPulse graph on the provisioned dashboard and shows a blast radius on click', async ({
  gotoDashboardPage,
  readProvisionedDashboard,
}) => {
  const dashboard = await readProvisionedDashboard({ fileName: 'dashboard.json' });
  const dashboardPage = await gotoDashboardPage(dashboard);
  const panel = dashboardPage.getPanelByTitle('AlphaPulse service graph');
  await expect(panel.locator.getByTestId(TEST_IDS.node)).toHaveCount(17);
  await expect(panel.locator.locator('[data-node-id="pattern_storage"]')).toHaveAttribute('data-health', 'down');
  // In a real Grafana the layout must come back from the worker, not from the main-thread fallback.
  await expect(panel.locator.getByTestId(TEST_IDS.panel)).toHaveAttribute('data-layout-thread', 'worker');
  await panel.locator.locator('[data-node-id="pattern_storage"]').click();
  await expect(panel.locator.getByTestId(TEST_IDS.blastCount)).toHaveAttribute('data-count', '4');
});

test('explains what it needs when the query returns no graph', async ({
  gotoDashboardPage,
  readProvisionedDashboard,
}) => {
  const dashboard = await readProvisionedDashboard({ fileName: 'dashboard.json' });
  const dashboardPage = await gotoDashboardPage(dashboard);
  const panel = dashboardPage.getPanelByTitle('No graph in the data');
  await expect(panel.locator.getByTestId(TEST_IDS.noInput)).toContainText('No service graph found');
});
