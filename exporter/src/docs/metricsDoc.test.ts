import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { METRIC_NAMES } from '../metrics/catalogue';
import { renderMetricsDoc } from './metricsDoc';

test('docs/metrics.md is generated from the catalogue and up to date (npm run docs -w @alphapulse/exporter)', () => {
  const committed = readFileSync(join(__dirname, '../../../docs/metrics.md'), 'utf8');
  expect(committed).toBe(renderMetricsDoc());
});

test('every metric name appears in the doc', () => {
  const doc = renderMetricsDoc();
  for (const name of METRIC_NAMES) expect(doc).toContain(`\`${name}\``);
});
