// Service detail: one service (variable `service`) — health history, errors, resources, throughput, latency,
// dependencies, and its kind's own KPIs in collapsed rows (the rows of other kinds simply show no data).
import { DASHBOARDS } from '../grafana/ids';
import { baseDashboard } from '../panels/base';
import { HEALTH_MAPPINGS, healthScoreExpr, rising, row, statPanel, stateTimelinePanel, tablePanel, timeSeriesPanel } from '../panels/common';
import { promQuery } from '../panels/queries';
import { instanceVariable, serviceVariable } from '../panels/variables';

const S = 'service="$service", instance=~"$instance"';

/** Each service kind's own KPIs (the metric names are the exporter's; see docs/metrics.md). */
const KIND_ROWS: { title: string; panels: { title: string; unit: string; exprs: string[]; legend?: string; max?: number }[] }[] = [
  {
    title: 'Pattern storage',
    panels: [
      { title: 'Patterns stored', unit: 'ops', exprs: [`rate(alphapulse_pattern_storage_patterns_stored_total{${S}}[$__rate_interval])`] },
      { title: 'Insert rate', unit: 'wps', exprs: [`alphapulse_pattern_storage_rows_per_second{${S}}`] },
      { title: 'Batch insert latency', unit: 's', exprs: [`alphapulse_pattern_storage_batch_insert_latency_seconds{${S}}`], legend: 'p{{quantile}}' },
      { title: 'Storage', unit: 'bytes', exprs: [`alphapulse_pattern_storage_storage_bytes{${S}}`] },
      { title: 'Compression factor', unit: 'suffix:×', exprs: [`alphapulse_pattern_storage_compression_factor{${S}}`] },
      { title: 'Workers busy', unit: 'percentunit', exprs: [`alphapulse_pattern_storage_workers_busy{${S}} / alphapulse_pattern_storage_workers{${S}}`], max: 1 },
    ],
  },
  {
    title: 'Retrieval optimizer',
    panels: [
      { title: 'Query latency', unit: 's', exprs: [`alphapulse_retrieval_optimizer_query_latency_seconds{${S}}`], legend: 'p{{quantile}}' },
      { title: 'Cache hit ratio', unit: 'percentunit', exprs: [`alphapulse_retrieval_optimizer_cache_hit_ratio{${S}}`], max: 1 },
      { title: 'Slow queries', unit: 'ops', exprs: [`rate(alphapulse_retrieval_optimizer_slow_queries_total{${S}}[$__rate_interval])`] },
      { title: 'Index recommendations pending', unit: 'none', exprs: [`alphapulse_retrieval_optimizer_index_recommendations_pending{${S}}`] },
    ],
  },
  {
    title: 'Predictive optimizer',
    panels: [
      { title: 'Model accuracy', unit: 'percentunit', exprs: [`alphapulse_predictive_optimizer_model_accuracy_ratio{${S}}`], legend: '{{model}}', max: 1 },
      { title: 'Predictions', unit: 'ops', exprs: [`sum by (model) (rate(alphapulse_predictive_optimizer_predictions_total{${S}}[$__rate_interval]))`], legend: '{{model}}' },
      { title: 'Prediction latency', unit: 's', exprs: [`alphapulse_predictive_optimizer_prediction_latency_seconds{${S}, quantile="0.95"}`], legend: '{{model}} p95' },
      { title: 'Time since last retrain', unit: 's', exprs: [`time() - alphapulse_predictive_optimizer_last_retrain_timestamp_seconds{${S}}`], legend: '{{model}}' },
    ],
  },
  {
    title: 'Analytics dashboard',
    panels: [
      { title: 'Connected clients', unit: 'none', exprs: [`alphapulse_analytics_dashboard_connected_clients{${S}}`] },
      { title: 'Metric updates pushed', unit: 'ops', exprs: [`rate(alphapulse_analytics_dashboard_metric_updates_pushed_total{${S}}[$__rate_interval])`] },
      { title: 'Active alerts shown', unit: 'none', exprs: [`alphapulse_analytics_dashboard_active_alerts_shown{${S}}`] },
    ],
  },
  {
    title: 'Alerting service',
    panels: [
      { title: 'Notifications sent', unit: 'ops', exprs: [`sum by (channel) (rate(alphapulse_alerting_service_notifications_sent_total{${S}}[$__rate_interval]))`], legend: '{{channel}}' },
      { title: 'Notifications failed', unit: 'ops', exprs: [`sum by (channel) (rate(alphapulse_alerting_service_notifications_failed_total{${S}}[$__rate_interval]))`], legend: '{{channel}}' },
      { title: 'Escalations', unit: 'ops', exprs: [`rate(alphapulse_alerting_service_escalations_total{${S}}[$__rate_interval])`] },
    ],
  },
  {
    title: 'Distributed processor',
    panels: [
      { title: 'Queue depth', unit: 'none', exprs: [`alphapulse_distributed_processor_queue_depth{${S}}`] },
      { title: 'Workers busy', unit: 'percentunit', exprs: [`alphapulse_distributed_processor_workers_busy{${S}} / alphapulse_distributed_processor_workers{${S}}`], legend: '{{pool}}', max: 1 },
      { title: 'Tasks', unit: 'ops', exprs: [`rate(alphapulse_distributed_processor_tasks_completed_total{${S}}[$__rate_interval])`, `rate(alphapulse_distributed_processor_tasks_failed_total{${S}}[$__rate_interval])`] },
      { title: 'Load imbalance', unit: 'percentunit', exprs: [`alphapulse_distributed_processor_load_imbalance_ratio{${S}}`], max: 1 },
    ],
  },
  {
    title: 'Trading engine',
    panels: [
      { title: 'Orders', unit: 'ops', exprs: [`sum by (side, status) (rate(alphapulse_trading_engine_orders_total{${S}}[$__rate_interval]))`], legend: '{{side}} {{status}}' },
      { title: 'Fills', unit: 'ops', exprs: [`rate(alphapulse_trading_engine_fills_total{${S}}[$__rate_interval])`] },
      { title: 'Strategy equity', unit: 'currencyUSD', exprs: [`alphapulse_trading_engine_strategy_equity{${S}}`], legend: '{{strategy}}' },
      { title: 'Open positions', unit: 'none', exprs: [`alphapulse_trading_engine_strategy_open_positions{${S}}`], legend: '{{strategy}}' },
    ],
  },
  {
    title: 'Risk manager',
    panels: [
      { title: 'Drawdown', unit: 'percentunit', exprs: [`alphapulse_risk_manager_current_drawdown_ratio{${S}}`, `alphapulse_risk_manager_max_drawdown_ratio{${S}}`] },
      { title: 'Exposure', unit: 'currencyUSD', exprs: [`alphapulse_risk_manager_gross_exposure{${S}}`, `alphapulse_risk_manager_net_exposure{${S}}`] },
      { title: 'Value at risk (1 d, 95%)', unit: 'currencyUSD', exprs: [`alphapulse_risk_manager_value_at_risk{${S}}`] },
      { title: 'Limit breaches and stop-losses', unit: 'ops', exprs: [`rate(alphapulse_risk_manager_limit_breaches_total{${S}}[$__rate_interval])`, `rate(alphapulse_risk_manager_stop_losses_triggered_total{${S}}[$__rate_interval])`] },
    ],
  },
  {
    title: 'Sentiment service',
    panels: [
      { title: 'Messages processed', unit: 'ops', exprs: [`sum by (source) (rate(alphapulse_sentiment_service_messages_processed_total{${S}}[$__rate_interval]))`], legend: '{{source}}' },
      { title: 'Source API errors', unit: 'ops', exprs: [`sum by (source) (rate(alphapulse_sentiment_service_api_errors_total{${S}}[$__rate_interval]))`], legend: '{{source}}' },
      { title: 'Confidence', unit: 'percentunit', exprs: [`avg by (source) (alphapulse_sentiment_service_confidence_ratio{${S}})`], legend: '{{source}}', max: 1 },
    ],
  },
];

function legendFor(expr: string, legend: string | undefined): string {
  if (legend) return legend;
  const metric = /alphapulse_[a-z0-9_]+/.exec(expr)?.[0] ?? '';
  return `{{instance}} ${metric.replace(/^alphapulse_[a-z]+_[a-z]+_/, '')}`;
}

export function serviceDetailDashboard() {
  const builder = baseDashboard(DASHBOARDS.serviceDetail, {
    tags: ['services'],
    from: 'now-3h',
    description: 'Everything about one AlphaPulse service: health, errors, resources, traffic, latency, dependencies and its own KPIs.',
    related: [DASHBOARDS.resources, DASHBOARDS.dependencyGraph, DASHBOARDS.alerts],
  })
    .withVariable(serviceVariable())
    .withVariable(instanceVariable())
    .withRow(row('Health'))
    .withPanel(
      stateTimelinePanel({
        title: 'Health history',
        unit: 'none',
        mappings: HEALTH_MAPPINGS,
        queries: [promQuery(healthScoreExpr(S), { legend: '{{instance}}' })],
        width: 16,
        height: 5,
      }),
    )
    .withPanel(statPanel({ title: 'Heartbeat age', unit: 's', queries: [promQuery(`time() - alphapulse_last_heartbeat_timestamp_seconds{${S}}`, { legend: '{{instance}}' })], thresholds: rising(60, 120), width: 4, height: 5 }))
    .withPanel(statPanel({ title: 'Uptime', unit: 's', queries: [promQuery(`alphapulse_service_uptime_seconds{${S}}`, { legend: '{{instance}}' })], width: 4, height: 5 }))
    .withRow(row('Errors and traffic'))
    .withPanel(
      timeSeriesPanel({
        title: 'Errors and warnings',
        unit: 'cps',
        queries: [
          promQuery(`sum by (instance) (rate(alphapulse_service_errors_total{${S}}[$__rate_interval]))`, { legend: '{{instance}} errors' }),
          promQuery(`sum by (instance) (rate(alphapulse_service_warnings_total{${S}}[$__rate_interval]))`, { legend: '{{instance}} warnings' }),
        ],
        width: 8,
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'Error ratio',
        unit: 'percentunit',
        queries: [
          promQuery(
            `sum by (instance) (rate(alphapulse_service_errors_total{${S}}[$__rate_interval])) / (sum by (instance) (rate(alphapulse_service_requests_total{${S}}[$__rate_interval])) > 0)`,
            { legend: '{{instance}}' },
          ),
        ],
        thresholds: rising(0.01, 0.05),
        width: 8,
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'Throughput',
        unit: 'reqps',
        queries: [promQuery(`sum by (instance) (rate(alphapulse_service_requests_total{${S}}[$__rate_interval]))`, { legend: '{{instance}}' })],
        width: 8,
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'Latency',
        description: 'From histogram buckets when the service reports them, else from its quantiles.',
        unit: 's',
        queries: [
          promQuery(`histogram_quantile(0.5, sum by (le) (rate(alphapulse_service_request_duration_seconds_bucket{${S}}[$__rate_interval])))`, { legend: 'p50' }),
          promQuery(`histogram_quantile(0.95, sum by (le) (rate(alphapulse_service_request_duration_seconds_bucket{${S}}[$__rate_interval])))`, { legend: 'p95' }),
          promQuery(`histogram_quantile(0.99, sum by (le) (rate(alphapulse_service_request_duration_seconds_bucket{${S}}[$__rate_interval])))`, { legend: 'p99' }),
          promQuery(`max by (quantile) (alphapulse_service_request_latency_seconds{${S}})`, { legend: 'p{{quantile}} (reported)' }),
        ],
        thresholds: rising(0.5, 1),
        width: 12,
      }),
    )
    .withRow(row('Resources'))
    .withPanel(
      timeSeriesPanel({
        title: 'CPU',
        description: 'CPU seconds per second: 100% is one full core.',
        unit: 'percentunit',
        queries: [promQuery(`rate(alphapulse_service_cpu_seconds_total{${S}}[$__rate_interval])`, { legend: '{{instance}}' })],
        width: 6,
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'Resident memory',
        unit: 'bytes',
        queries: [promQuery(`alphapulse_service_resident_memory_bytes{${S}}`, { legend: '{{instance}}' })],
        thresholds: rising(2 * 1024 ** 3, 3 * 1024 ** 3),
        width: 6,
      }),
    )
    .withRow(row('Contract drift'))
    .withPanel(
      timeSeriesPanel({
        title: 'Dropped fields',
        description:
          'Fields the exporter dropped from payloads it otherwise used, by endpoint and reason (wrong_type, out_of_range, missing, …). The rest of the payload is exported; see docs/contract.md to fix or map them.',
        unit: 'none',
        queries: [promQuery(`sum by (instance, endpoint, reason) (alphapulse_target_field_errors{${S}})`, { legend: '{{instance}} {{endpoint}} {{reason}}' })],
        width: 12,
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'Label values over the caps',
        description: 'Service-supplied label values (dependencies, strategies, symbols, …) not exported because of the per-target cardinality caps, by label.',
        unit: 'none',
        queries: [promQuery(`sum by (instance, label) (alphapulse_target_label_values_dropped{${S}})`, { legend: '{{instance}} {{label}}' })],
        width: 12,
      }),
    )
    .withRow(row('Dependencies'))
    .withPanel(
      tablePanel({
        title: 'Depends on',
        unit: 'none',
        queries: [promQuery('alphapulse_service_dependency_info{service="$service"}', { instant: true, format: 'table' })],
        transformations: [{ id: 'organize', options: { excludeByName: { Time: true, Value: true, __name__: true, job: true, instance: true } } }],
        width: 6,
      }),
    )
    .withPanel(
      tablePanel({
        title: 'Needed by',
        unit: 'none',
        queries: [promQuery('alphapulse_service_dependency_info{dependency="$service"}', { instant: true, format: 'table' })],
        transformations: [{ id: 'organize', options: { excludeByName: { Time: true, Value: true, __name__: true, job: true, instance: true } } }],
        width: 6,
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'Calls to dependencies',
        description: 'Per-edge traffic the service reports in /stats dependency_calls: requests per second to each dependency, and the failed ones.',
        unit: 'reqps',
        queries: [
          promQuery(`sum by (dependency) (rate(alphapulse_service_dependency_requests_total{${S}}[$__rate_interval]))`, { legend: '{{dependency}}' }),
          promQuery(`sum by (dependency) (rate(alphapulse_service_dependency_errors_total{${S}}[$__rate_interval]))`, { legend: '{{dependency}} errors' }),
        ],
        width: 12,
      }),
    )
    .withPanel(
      timeSeriesPanel({
        title: 'Version',
        unit: 'none',
        queries: [promQuery(`alphapulse_service_version_info{${S}}`, { legend: '{{instance}} {{version}}' })],
        width: 12,
      }),
    );

  for (const kind of KIND_ROWS) {
    const kindRow = row(`${kind.title} KPIs`, true);
    for (const panel of kind.panels) {
      kindRow.withPanel(
        timeSeriesPanel({
          title: panel.title,
          unit: panel.unit,
          queries: panel.exprs.map((expr) => promQuery(expr, { legend: legendFor(expr, panel.legend) })),
          width: 24 / Math.min(kind.panels.length, 4),
          min: 0,
          max: panel.max,
        }),
      );
    }
    builder.withRow(kindRow);
  }
  return builder;
}
