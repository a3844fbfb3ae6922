import { expect, test } from '@grafana/plugin-e2e';
import { testIds } from '../src/selectors';
import { type AlphaPulseOptions, type AlphaPulseSecureOptions } from '../src/types/config.types';
import { NO_GRAFANA_REASON, grafanaAvailable } from './grafana';

test.skip(!grafanaAvailable(), NO_GRAFANA_REASON);

test('config editor shows the API URL and a secret token field', async ({ createDataSourceConfigPage, page }) => {
  await createDataSourceConfigPage({ type: 'alphapulse-trading-datasource' });
  await expect(page.getByTestId(testIds.configEditor.apiUrl)).toBeVisible();
  await expect(page.getByPlaceholder('API token')).toBeVisible();
});

test('save & test of the provisioned datasource reports the database and TimescaleDB state', async ({ gotoDataSourceConfigPage, readProvisionedDataSource }) => {
  const ds = await readProvisionedDataSource<AlphaPulseOptions, AlphaPulseSecureOptions>({ fileName: 'datasources.yml' });
  const configPage = await gotoDataSourceConfigPage(ds.uid);
  await expect(configPage.saveAndTest()).toBeOK();
  await expect(configPage).toHaveAlert('success', { hasText: /Database PostgreSQL .* reachable/ });
});

test('a wrong token fails the test with a clear message', async ({ createDataSourceConfigPage, page }) => {
  const configPage = await createDataSourceConfigPage({ type: 'alphapulse-trading-datasource' });
  await page.getByTestId(testIds.configEditor.apiUrl).fill(process.env.ALPHAPULSE_API_URL ?? 'http://host.docker.internal:9464');
  await page.getByPlaceholder('API token').fill('wrong-token');
  await expect(configPage.saveAndTest()).not.toBeOK();
  await expect(configPage).toHaveAlert('error', { hasText: /refused the token/ });
});
