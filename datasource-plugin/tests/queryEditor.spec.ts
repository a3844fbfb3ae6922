import { expect, test } from '@grafana/plugin-e2e';
import { testIds } from '../src/selectors';
import { NO_GRAFANA_REASON, grafanaAvailable } from './grafana';

test.skip(!grafanaAvailable(), NO_GRAFANA_REASON);

test('query editor: candles for a symbol from the search route render in a table', async ({ panelEditPage, readProvisionedDataSource, page }) => {
  const ds = await readProvisionedDataSource({ fileName: 'datasources.yml' });
  await panelEditPage.datasource.set(ds.name);
  await panelEditPage.setVisualization('Table');
  const row = panelEditPage.getQueryEditorRow('A');
  await expect(row.getByTestId(testIds.queryEditor.queryType)).toBeVisible();
  await row.getByLabel('Symbols').click();
  await page.getByRole('option').first().click();
  await expect(panelEditPage.refreshPanel()).toBeOK();
  await expect(panelEditPage.panel.fieldNames).toContainText(['time', 'open', 'high', 'low', 'close', 'volume']);
});

test('provisioned dashboard: the candlestick panel has data', async ({ gotoDashboardPage }) => {
  const dashboardPage = await gotoDashboardPage({ uid: 'alphapulse-ds-e2e' });
  const panel = await dashboardPage.getPanelByTitle('Candles');
  await expect(panel).not.toHaveNoDataText();
  const summary = await dashboardPage.getPanelByTitle('Strategy summary');
  await expect(summary.fieldNames).toContainText(['Strategy', 'Trades', 'Win rate']);
});
