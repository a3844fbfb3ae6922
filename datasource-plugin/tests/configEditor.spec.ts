import { expect, test } from '@grafana/plugin-e2e';
import { testIds } from '../src/selectors';
import { GRAFANA_PROXY_AUTH_FAILED, TOKEN_REJECTED_MESSAGE } from '../src/proxyErrors';
import { type AlphaPulseOptions, type AlphaPulseSecureOptions, PROXY_ROUTE } from '../src/types/config.types';
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
  // Frontend-only datasource: there is no /health of Grafana's to wait for; the last call of the test is the
  // authenticated search through the data proxy route (plugin.json "alphapulse").
  await expect(configPage.saveAndTest({ path: `${PROXY_ROUTE}/search/sources` })).toBeOK();
  await expect(configPage).toHaveAlert('success', { hasText: /Database PostgreSQL .* reachable/ });
});

test('a wrong token fails the test with a clear message', async ({ createDataSourceConfigPage, page }) => {
  const configPage = await createDataSourceConfigPage({ type: 'alphapulse-trading-datasource' });
  await page.getByTestId(testIds.configEditor.apiUrl).fill(process.env.ALPHAPULSE_API_URL ?? 'http://host.docker.internal:9464');
  await page.getByPlaceholder('API token').fill('wrong-token');
  // Grafana's data proxy rewrites the API's 401 into 400 "Authentication to data source failed"
  // (grafana/grafana pkg/api/pluginproxy/ds_proxy.go, modifyResponse); the plugin turns that into its message.
  const response = await configPage.saveAndTest({ path: `${PROXY_ROUTE}/search/sources` });
  expect(response.status()).toBe(400);
  expect(await response.text()).toBe(GRAFANA_PROXY_AUTH_FAILED);
  await expect(configPage).toHaveAlert('error', { hasText: TOKEN_REJECTED_MESSAGE });
});
