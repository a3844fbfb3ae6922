// The service graph panel's fixtures may name only metrics the exporter really exports (issue #12: the old
// fixtures fed alphapulse_service_dependency_requests_per_second, which never existed, so every edge-styling
// test passed on invented data). Read as text: every alphapulse_* token in the fixture sources counts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_METRICS } from '@alphapulse/exporter';
import { extractMetricNames, unknownMetricNames } from '../../dashboards/src/checks/metricNames';
import { REPO_ROOT } from './support/npmStartProcess';

const fixturesDir = join(REPO_ROOT, 'panel-plugin', 'src', 'fixtures');

test('every metric named in the panel fixtures is in the exporter catalogue', () => {
  const files = readdirSync(fixturesDir).filter((file) => file.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(0);
  const used = extractMetricNames(files.map((file) => readFileSync(join(fixturesDir, file), 'utf8')).join('\n'));
  expect([...used]).toEqual(expect.arrayContaining(['alphapulse_service_dependency_requests_total', 'alphapulse_service_dependency_errors_total']));
  expect(unknownMetricNames(used, ALL_METRICS)).toEqual([]);
});

test('the check would catch the metric the old fixtures invented', () => {
  expect(unknownMetricNames(extractMetricNames('rate(alphapulse_service_dependency_requests_per_second[1m])'), ALL_METRICS)).toEqual([
    'alphapulse_service_dependency_requests_per_second',
  ]);
});
