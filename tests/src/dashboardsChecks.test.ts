// The small pure helpers behind the dashboard and alerting checks.
import { finalizeDashboard } from '../../dashboards/src/panels/finalize';
import { envReferences } from '../../dashboards/src/checks/envReferences';
import { substituteGrafanaVariables } from '../../dashboards/src/checks/grafanaVariables';
import { extractMetricNames, unknownMetricNames } from '../../dashboards/src/checks/metricNames';
import { linkedDashboardUids, promqlOf } from '../../dashboards/src/checks/dashboardQueries';

const catalogue = [
  { name: 'alphapulse_service_request_duration_seconds', type: 'histogram' },
  { name: 'alphapulse_retrieval_optimizer_query_latency_seconds', type: 'summary' },
  { name: 'alphapulse_service_errors_total', type: 'counter' },
];

test('histogram and summary series names are accepted, made-up ones are not', () => {
  const used = extractMetricNames(
    'rate(alphapulse_service_request_duration_seconds_bucket[5m]) alphapulse_retrieval_optimizer_query_latency_seconds_count alphapulse_service_errors_total alphapulse_service_errors alphapulse_retrieval_optimizer_query_latency_seconds_bucket',
  );
  expect(unknownMetricNames(used, catalogue)).toEqual(['alphapulse_retrieval_optimizer_query_latency_seconds_bucket', 'alphapulse_service_errors']);
});

test('metric names are not confused with schema-qualified tables or dashboard uids', () => {
  expect([...extractMetricNames('SELECT * FROM alphapulse.candles /d/alphapulse-overview alphapulse_up')]).toEqual(['alphapulse_up']);
});

test('Grafana variables become values Prometheus accepts', () => {
  expect(substituteGrafanaVariables('rate(x{service="$service", pool=~"${pool}"}[$__rate_interval]) offset $__range')).toBe(
    'rate(x{service="example", pool=~"example"}[1m]) offset 1h',
  );
});

test('label_values() variables are checked through the selector they read', () => {
  expect(promqlOf({ dashboardUid: 'd', where: 'variable', datasourceUid: 'prometheus', query: { query: 'label_values(alphapulse_up{service="$service"}, instance)' } })).toBe(
    'alphapulse_up{service="$service"}',
  );
});

test('environment references: upper-case names only ($labels is a template variable)', () => {
  expect([...envReferences('url: ${SLACK_URL} x: $TOKEN y: {{ $labels.service }} z: $$ESCAPED')].sort()).toEqual(['ESCAPED', 'SLACK_URL', 'TOKEN']);
});

test('finalize numbers panels (rows included), names refIds, lets targets inherit the panel datasource', () => {
  const ds = { type: 'prometheus', uid: 'prometheus' };
  const model = finalizeDashboard({
    panels: [
      { type: 'row', panels: [{ type: 'stat', datasource: ds, targets: [{ expr: 'a' }, { expr: 'b', refId: 'custom' }] }] },
      { type: 'timeseries', targets: [{ expr: 'c', datasource: ds }] },
    ],
    links: [{ url: '/d/x', placement: 'inControlsMenu' }],
  }) as any;
  expect(model.panels[0].id).toBe(1);
  expect(model.panels[0].panels[0]).toEqual(expect.objectContaining({ id: 2, targets: [{ expr: 'a', refId: 'A', datasource: ds }, { expr: 'b', refId: 'custom', datasource: ds }] }));
  expect(model.panels[1]).toEqual(expect.objectContaining({ id: 3, datasource: ds }));
  expect(model.links[0].placement).toBeUndefined();
  expect(model.annotations.list[0].builtIn).toBe(1);
  expect(linkedDashboardUids(model)).toEqual(['x']);
});
