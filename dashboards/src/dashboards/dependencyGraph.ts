// Dependency graph: our service graph panel over the exporter's dependency and health metrics, with traffic, error
// ratio and p95 latency per edge (service → dependency); click a node for its blast radius and root cause.
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { DASHBOARDS, DATASOURCES, PLUGIN_IDS, dashboardPath } from '../grafana/ids';
import { baseDashboard } from '../panels/base';
import { row, tablePanel, textPanel, timeSeriesPanel } from '../panels/common';
import { promQuery } from '../panels/queries';

/**
 * The panel matches each result by refId (its `queries` options), so the refIds are part of the contract. The
 * edge_* ones are per (service, dependency): requests/s, error ratio 0–1, p95 latency in seconds.
 */
export const EDGE_REF_IDS = { requests: 'edge_requests', errors: 'edge_errors', latencyP95: 'edge_latency_p95' } as const;
const REF = { dependency: 'dependency', status: 'status', up: 'up', traffic: EDGE_REF_IDS.requests, errors: EDGE_REF_IDS.errors, latency: EDGE_REF_IDS.latencyP95 } as const;

const EDGE = 'service, dependency';
/** Per-edge queries over the exporter's per-dependency call metrics (docs/metrics.md). */
export const EDGE_QUERIES = {
  requests: `sum by (${EDGE}) (rate(alphapulse_service_dependency_requests_total[5m]))`,
  errors: `sum by (${EDGE}) (rate(alphapulse_service_dependency_errors_total[5m])) / (sum by (${EDGE}) (rate(alphapulse_service_dependency_requests_total[5m])) > 0)`,
  latencyP95: `histogram_quantile(0.95, sum by (${EDGE}, le) (rate(alphapulse_service_dependency_latency_seconds_bucket[5m])))`,
} as const;

function serviceGraphPanel(): dashboard.PanelBuilder {
  return new dashboard.PanelBuilder()
    .type(PLUGIN_IDS.serviceGraphPanel)
    .title('AlphaPulse services')
    .description('Nodes coloured by health; edges carry calls/s, error ratio and p95 latency per dependency. Click a node: blast radius (what it takes down) and root cause (unhealthy upstream).')
    .datasource(DATASOURCES.prometheus)
    .withTarget(promQuery('alphapulse_service_dependency_info', { refId: REF.dependency, instant: true, format: 'table' }))
    .withTarget(promQuery('alphapulse_service_status', { refId: REF.status, instant: true, format: 'table' }))
    .withTarget(promQuery('alphapulse_up', { refId: REF.up, instant: true, format: 'table' }))
    .withTarget(promQuery(EDGE_QUERIES.requests, { refId: EDGE_REF_IDS.requests, instant: true, format: 'table' }))
    .withTarget(promQuery(EDGE_QUERIES.errors, { refId: EDGE_REF_IDS.errors, instant: true, format: 'table' }))
    .withTarget(promQuery(EDGE_QUERIES.latencyP95, { refId: EDGE_REF_IDS.latencyP95, instant: true, format: 'table' }))
    .options({
      inputMode: 'prometheus',
      queries: { ...REF },
      errorValueKind: 'ratio',
      direction: 'LR',
      stablePositions: true,
      // calls/s and error ratio written on every edge (the panel's default is off for dense graphs).
      showEdgeLabels: true,
      showSearch: true,
      hideHealthy: false,
      linkTitle: 'Service detail',
      linkUrl: `${dashboardPath(DASHBOARDS.serviceDetail.uid)}?var-service=\${__service}&\${__url_time_range}`,
    })
    .fieldConfig({ defaults: { unit: 'none' }, overrides: [] })
    .span(24)
    .height(18);
}

export function dependencyGraphDashboard() {
  return baseDashboard(DASHBOARDS.dependencyGraph, {
    tags: ['services', 'graph'],
    refresh: '10s',
    from: 'now-15m',
    description: 'Live dependency graph of the AlphaPulse services with blast radius and root cause analysis.',
    related: [DASHBOARDS.serviceDetail, DASHBOARDS.alerts],
  })
    .withPanel(serviceGraphPanel())
    .withRow(row('Traffic per edge'))
    .withPanel(
      timeSeriesPanel({
        title: 'Calls per edge',
        description: 'Requests per second from each service to each dependency.',
        unit: 'reqps',
        queries: [promQuery(EDGE_QUERIES.requests, { legend: '{{service}} → {{dependency}}' })],
        width: 8,
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'Error ratio per edge',
        description: 'Failed calls / all calls from each service to each dependency.',
        unit: 'percentunit',
        queries: [promQuery(EDGE_QUERIES.errors, { legend: '{{service}} → {{dependency}}' })],
        width: 8,
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'p95 latency per edge',
        description: '95th percentile of call latency from each service to each dependency.',
        unit: 's',
        queries: [promQuery(EDGE_QUERIES.latencyP95, { legend: '{{service}} → {{dependency}}' })],
        width: 8,
      }),
    )
    .withRow(row('Unhealthy now'))
    .withPanel(
      tablePanel({
        title: 'Services not healthy',
        unit: 'none',
        queries: [promQuery('alphapulse_service_status{status!="healthy"} == 1', { instant: true, format: 'table' })],
        transformations: [{ id: 'organize', options: { excludeByName: { Time: true, Value: true, __name__: true, job: true } } }],
        width: 12,
      }),
    )
    .withPanel(
      textPanel(
        'Reading the graph',
        [
          '- **Colour**: green healthy, orange degraded, red down, grey unknown; purple nodes are external (database, exchange, SMTP…).',
          '- **Click a node**: its dependents light up (blast radius) and its unhealthy dependencies are marked (root cause).',
          '- **Focus mode** limits the picture to a few hops up and down; *hide healthy* leaves only the trouble.',
          `- Open a node's [service detail](${dashboardPath(DASHBOARDS.serviceDetail.uid)}) from its tooltip link.`,
        ].join('\n'),
        12,
        8,
      ),
    );
}
