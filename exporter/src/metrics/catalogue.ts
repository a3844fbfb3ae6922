// Every metric family the exporter can emit, defined once. Collectors, docs/metrics.md and the dashboard and
// alert checks of other packages all read this list; a name changed here changes everywhere or fails a test.
import type { MetricDefinition, MetricType } from './model';

/** The labels that identify one configured service instance (config `labels` may add more). */
export const TARGET_LABELS = ['service', 'instance'] as const;

function family(group: string, name: string, type: MetricType, help: string, labels: readonly string[] = TARGET_LABELS): MetricDefinition {
  return { group, name, type, help, labels };
}

const HEALTH = 'Service health (from GET /health)';
const TARGET = 'Collection of each target';
const COMMON = 'Common service statistics (from GET /stats)';
const KPI = 'Business KPIs (from TimescaleDB)';
const SELF = 'The exporter itself';
const t = TARGET_LABELS;

export const HEALTH_METRICS = {
  up: family(HEALTH, 'alphapulse_up', 'gauge', '1 when the service instance answered a valid health record, 0 otherwise.'),
  status: family(
    HEALTH,
    'alphapulse_service_status',
    'gauge',
    '1 for the current status of the instance (healthy, degraded, down, or unknown when it reported a status we do not recognise), 0 for the others; down when it answered no valid health record.',
    [...t, 'status'],
  ),
  lastHeartbeat: family(HEALTH, 'alphapulse_last_heartbeat_timestamp_seconds', 'gauge', 'Unix time of the last internal heartbeat the instance reported.'),
  dependency: family(
    HEALTH,
    'alphapulse_service_dependency_info',
    'info',
    'One series per dependency edge (service depends on dependency), union over the instances that answered.',
    ['service', 'dependency'],
  ),
  uptime: family(HEALTH, 'alphapulse_service_uptime_seconds', 'gauge', 'Seconds since the instance started.'),
  errors: family(HEALTH, 'alphapulse_service_errors_total', 'counter', 'Errors the instance logged since it started.'),
  warnings: family(HEALTH, 'alphapulse_service_warnings_total', 'counter', 'Warnings the instance logged since it started.'),
  performanceMetric: family(
    HEALTH,
    'alphapulse_service_performance_metric',
    'gauge',
    'Numeric performance_metrics field of the health record that no collector maps, by field name (label metric); capped per instance.',
    [...t, 'metric'],
  ),
  performanceMetricsDropped: family(
    HEALTH,
    'alphapulse_service_performance_metrics_dropped',
    'gauge',
    'performance_metrics fields not exported because the per-instance cap was reached.',
  ),
} as const;

export const TARGET_METRICS = {
  scrapeDuration: family(TARGET, 'alphapulse_target_scrape_duration_seconds', 'gauge', 'Time spent fetching and validating the instance\'s health and stats in this scrape.'),
  scrapeError: family(
    TARGET,
    'alphapulse_target_scrape_error',
    'gauge',
    '1 per endpoint (health, stats) that failed in this scrape, with the reason: unreachable, timeout, http_status, oversized, malformed_json, contract_violation. Absent when the endpoint succeeded.',
    [...t, 'endpoint', 'reason'],
  ),
  fieldErrors: family(
    TARGET,
    'alphapulse_target_field_errors',
    'gauge',
    'Fields of the payload dropped in this scrape (the rest of the payload was used), per endpoint and reason: missing, wrong_type, out_of_range, non_finite, bad_time, unknown_status, not_numeric, too_deep, over_limit, invalid_shape. Absent when none.',
    [...t, 'endpoint', 'reason'],
  ),
  labelValuesDropped: family(
    TARGET,
    'alphapulse_target_label_values_dropped',
    'gauge',
    'Service-supplied label values (dependency, strategy, model, pool, channel, source, symbol, metric) not exported in this scrape because of the per-target caps, the length limit or an empty value, per label.',
    [...t, 'label'],
  ),
} as const;

const dependency = [...t, 'dependency'];
export const COMMON_METRICS = {
  versionInfo: family(COMMON, 'alphapulse_service_version_info', 'info', 'Version the instance reports, as a label.', [...t, 'version']),
  cpu: family(COMMON, 'alphapulse_service_cpu_seconds_total', 'counter', 'CPU time the instance has used since it started.'),
  memory: family(COMMON, 'alphapulse_service_resident_memory_bytes', 'gauge', 'Resident memory of the instance.'),
  requests: family(COMMON, 'alphapulse_service_requests_total', 'counter', 'Requests or operations the instance handled since it started.'),
  requestDuration: family(
    COMMON,
    'alphapulse_service_request_duration_seconds',
    'histogram',
    'Request latency histogram, when the instance reports buckets.',
  ),
  requestLatency: family(
    COMMON,
    'alphapulse_service_request_latency_seconds',
    'summary',
    'Request latency quantiles (0.5, 0.95, 0.99), when the instance reports quantiles instead of buckets.',
  ),
  dependencyRequests: family(COMMON, 'alphapulse_service_dependency_requests_total', 'counter', 'Calls the instance made to the dependency since it started (edge traffic).', dependency),
  dependencyErrors: family(COMMON, 'alphapulse_service_dependency_errors_total', 'counter', 'Calls to the dependency that failed since the instance started.', dependency),
  dependencyLatency: family(
    COMMON,
    'alphapulse_service_dependency_latency_seconds',
    'histogram',
    'Latency of calls to the dependency, when the instance reports buckets.',
    dependency,
  ),
  dependencyLatencyQuantiles: family(
    COMMON,
    'alphapulse_service_dependency_quantile_latency_seconds',
    'summary',
    'Latency quantiles (0.5, 0.95, 0.99) of calls to the dependency, when the instance reports quantiles instead of buckets.',
    dependency,
  ),
} as const;

function kindGroup(kind: string): string {
  return `Service kind ${kind}`;
}

const ps = kindGroup('pattern_storage');
export const PATTERN_STORAGE_METRICS = {
  patternsStored: family(ps, 'alphapulse_pattern_storage_patterns_stored_total', 'counter', 'Patterns stored since start.'),
  batchInsertRows: family(ps, 'alphapulse_pattern_storage_batch_insert_rows', 'gauge', 'Rows in the most recent batch insert.'),
  batchInsertLatency: family(ps, 'alphapulse_pattern_storage_batch_insert_latency_seconds', 'summary', 'Batch insert duration quantiles.'),
  rowsPerSecond: family(ps, 'alphapulse_pattern_storage_rows_per_second', 'gauge', 'Rows inserted per second, as the service measures it.'),
  compressionFactor: family(ps, 'alphapulse_pattern_storage_compression_factor', 'gauge', 'Uncompressed size divided by compressed size (1 = no compression).'),
  storage: family(ps, 'alphapulse_pattern_storage_storage_bytes', 'gauge', 'Bytes the pattern store occupies.'),
  workersBusy: family(ps, 'alphapulse_pattern_storage_workers_busy', 'gauge', 'Worker processes currently busy.'),
  workers: family(ps, 'alphapulse_pattern_storage_workers', 'gauge', 'Worker processes in total.'),
} as const;

const ro = kindGroup('retrieval_optimizer');
export const RETRIEVAL_OPTIMIZER_METRICS = {
  queryLatency: family(ro, 'alphapulse_retrieval_optimizer_query_latency_seconds', 'summary', 'Query latency quantiles.'),
  cacheHits: family(ro, 'alphapulse_retrieval_optimizer_cache_hits_total', 'counter', 'Cache hits since start.'),
  cacheMisses: family(ro, 'alphapulse_retrieval_optimizer_cache_misses_total', 'counter', 'Cache misses since start.'),
  cacheHitRatio: family(ro, 'alphapulse_retrieval_optimizer_cache_hit_ratio', 'gauge', 'Cache hit ratio over the service\'s recent window, 0–1.'),
  slowQueries: family(ro, 'alphapulse_retrieval_optimizer_slow_queries_total', 'counter', 'Slow queries since start.'),
  indexRecommendations: family(ro, 'alphapulse_retrieval_optimizer_index_recommendations_pending', 'gauge', 'Index recommendations not yet applied.'),
  autoTuningActions: family(ro, 'alphapulse_retrieval_optimizer_auto_tuning_actions_total', 'counter', 'Auto-tuning actions applied since start.'),
} as const;

const po = kindGroup('predictive_optimizer');
const model = [...t, 'model'];
export const PREDICTIVE_OPTIMIZER_METRICS = {
  accuracy: family(po, 'alphapulse_predictive_optimizer_model_accuracy_ratio', 'gauge', 'Model accuracy on the latest validation window, 0–1.', model),
  predictions: family(po, 'alphapulse_predictive_optimizer_predictions_total', 'counter', 'Predictions made since start.', model),
  predictionLatency: family(po, 'alphapulse_predictive_optimizer_prediction_latency_seconds', 'summary', 'Prediction latency quantiles.', model),
  lastRetrain: family(po, 'alphapulse_predictive_optimizer_last_retrain_timestamp_seconds', 'gauge', 'Unix time of the model\'s last retrain.', model),
  retrainFailures: family(po, 'alphapulse_predictive_optimizer_retrain_failures_total', 'counter', 'Failed retrains since start.', model),
} as const;

const ad = kindGroup('analytics_dashboard');
export const ANALYTICS_DASHBOARD_METRICS = {
  connectedClients: family(ad, 'alphapulse_analytics_dashboard_connected_clients', 'gauge', 'Clients connected now.'),
  widgets: family(ad, 'alphapulse_analytics_dashboard_widgets', 'gauge', 'Widgets configured.'),
  metricUpdatesPushed: family(ad, 'alphapulse_analytics_dashboard_metric_updates_pushed_total', 'counter', 'Metric updates pushed to clients since start.'),
  activeAlertsShown: family(ad, 'alphapulse_analytics_dashboard_active_alerts_shown', 'gauge', 'Active alerts shown now.'),
} as const;

const as = kindGroup('alerting_service');
const channel = [...t, 'channel'];
export const ALERTING_SERVICE_METRICS = {
  notificationsSent: family(as, 'alphapulse_alerting_service_notifications_sent_total', 'counter', 'Notifications sent since start, per channel.', channel),
  notificationsFailed: family(as, 'alphapulse_alerting_service_notifications_failed_total', 'counter', 'Notifications that failed since start, per channel.', channel),
  escalations: family(as, 'alphapulse_alerting_service_escalations_total', 'counter', 'Escalations since start.'),
  rulesEvaluated: family(as, 'alphapulse_alerting_service_rules_evaluated_total', 'counter', 'Alert rule evaluations since start.'),
} as const;

const dp = kindGroup('distributed_processor');
const pool = [...t, 'pool'];
export const DISTRIBUTED_PROCESSOR_METRICS = {
  workersBusy: family(dp, 'alphapulse_distributed_processor_workers_busy', 'gauge', 'Busy workers per pool (thread, process).', pool),
  workers: family(dp, 'alphapulse_distributed_processor_workers', 'gauge', 'Workers in total per pool.', pool),
  queueDepth: family(dp, 'alphapulse_distributed_processor_queue_depth', 'gauge', 'Tasks waiting in the queue.'),
  tasksCompleted: family(dp, 'alphapulse_distributed_processor_tasks_completed_total', 'counter', 'Tasks completed since start.'),
  tasksFailed: family(dp, 'alphapulse_distributed_processor_tasks_failed_total', 'counter', 'Tasks failed since start.'),
  taskDuration: family(dp, 'alphapulse_distributed_processor_task_duration_seconds', 'histogram', 'Task latency histogram, when the service reports buckets.'),
  taskLatency: family(dp, 'alphapulse_distributed_processor_task_latency_seconds', 'summary', 'Task latency quantiles, when the service reports quantiles.'),
  loadImbalance: family(dp, 'alphapulse_distributed_processor_load_imbalance_ratio', 'gauge', '(busiest − idlest worker load) / busiest, 0 when balanced.'),
} as const;

const te = kindGroup('trading_engine');
const strategy = [...t, 'strategy'];
export const TRADING_ENGINE_METRICS = {
  orders: family(te, 'alphapulse_trading_engine_orders_total', 'counter', 'Orders since start by side and status.', [...t, 'side', 'status']),
  fills: family(te, 'alphapulse_trading_engine_fills_total', 'counter', 'Fills since start.'),
  openPositions: family(te, 'alphapulse_trading_engine_open_positions', 'gauge', 'Open positions across strategies.'),
  equity: family(te, 'alphapulse_trading_engine_equity', 'gauge', 'Total account equity in the account currency.'),
  strategiesRunning: family(te, 'alphapulse_trading_engine_strategies_running', 'gauge', 'Strategies running now.'),
  strategyEquity: family(te, 'alphapulse_trading_engine_strategy_equity', 'gauge', 'Equity per strategy in the account currency.', strategy),
  strategyRealizedPnl: family(te, 'alphapulse_trading_engine_strategy_realized_pnl', 'gauge', 'Realized P&L per strategy since start, account currency.', strategy),
  strategyUnrealizedPnl: family(te, 'alphapulse_trading_engine_strategy_unrealized_pnl', 'gauge', 'Unrealized P&L per strategy, account currency.', strategy),
  strategyOpenPositions: family(te, 'alphapulse_trading_engine_strategy_open_positions', 'gauge', 'Open positions per strategy.', strategy),
} as const;

const rm = kindGroup('risk_manager');
export const RISK_MANAGER_METRICS = {
  currentDrawdown: family(rm, 'alphapulse_risk_manager_current_drawdown_ratio', 'gauge', 'Fall from the equity peak now, 0–1.'),
  maxDrawdown: family(rm, 'alphapulse_risk_manager_max_drawdown_ratio', 'gauge', 'Largest fall from an equity peak, 0–1.'),
  grossExposure: family(rm, 'alphapulse_risk_manager_gross_exposure', 'gauge', 'Gross exposure (long + short notional), account currency.'),
  netExposure: family(rm, 'alphapulse_risk_manager_net_exposure', 'gauge', 'Net exposure (long − short notional), account currency.'),
  valueAtRisk: family(rm, 'alphapulse_risk_manager_value_at_risk', 'gauge', '1-day 95% value at risk, account currency.'),
  limitBreaches: family(rm, 'alphapulse_risk_manager_limit_breaches_total', 'counter', 'Risk limit breaches since start.'),
  stopLosses: family(rm, 'alphapulse_risk_manager_stop_losses_triggered_total', 'counter', 'Stop-losses triggered since start.'),
  positionSize: family(rm, 'alphapulse_risk_manager_position_size', 'gauge', 'Signed position notional per symbol, account currency.', [...t, 'symbol']),
} as const;

const ss = kindGroup('sentiment_service');
const source = [...t, 'source'];
const symbolSource = [...t, 'symbol', 'source'];
export const SENTIMENT_SERVICE_METRICS = {
  messagesProcessed: family(ss, 'alphapulse_sentiment_service_messages_processed_total', 'counter', 'Messages processed since start, per source.', source),
  apiErrors: family(ss, 'alphapulse_sentiment_service_api_errors_total', 'counter', 'Source API errors since start, per source.', source),
  score: family(ss, 'alphapulse_sentiment_service_score', 'gauge', 'Current sentiment score per symbol and source, −1 (bearish) … 1 (bullish).', symbolSource),
  confidence: family(ss, 'alphapulse_sentiment_service_confidence_ratio', 'gauge', 'Confidence of the current score, 0–1.', symbolSource),
} as const;

const strategyOnly = ['strategy'];
export const KPI_METRICS = {
  databaseUp: family(KPI, 'alphapulse_database_up', 'gauge', '1 when the last KPI refresh reached the database, 0 otherwise.', []),
  queryUp: family(KPI, 'alphapulse_kpi_query_up', 'gauge', '1 when the KPI query succeeded in its last run, 0 when it failed or timed out.', ['query']),
  queryDuration: family(KPI, 'alphapulse_kpi_query_duration_seconds', 'gauge', 'Duration of the KPI query\'s last run.', ['query']),
  queryLastRun: family(KPI, 'alphapulse_kpi_query_last_run_timestamp_seconds', 'gauge', 'Unix time of the KPI query\'s last run (results are cached between runs).', ['query']),
  windowSeconds: family(KPI, 'alphapulse_kpi_window_seconds', 'gauge', 'Length of the trailing window the *_in_window KPIs count over.', []),
  strategyEquity: family(KPI, 'alphapulse_kpi_strategy_equity', 'gauge', 'Equity per strategy from its latest snapshot, account currency.', strategyOnly),
  strategyRealizedPnl: family(KPI, 'alphapulse_kpi_strategy_realized_pnl', 'gauge', 'Cumulative realized P&L per strategy (before fees) from its latest snapshot.', strategyOnly),
  strategyUnrealizedPnl: family(KPI, 'alphapulse_kpi_strategy_unrealized_pnl', 'gauge', 'Unrealized P&L per strategy from its latest snapshot.', strategyOnly),
  strategyGrossExposure: family(KPI, 'alphapulse_kpi_strategy_gross_exposure', 'gauge', 'Gross exposure per strategy from its latest snapshot.', strategyOnly),
  strategyNetExposure: family(KPI, 'alphapulse_kpi_strategy_net_exposure', 'gauge', 'Net exposure per strategy from its latest snapshot.', strategyOnly),
  strategyOpenPositions: family(KPI, 'alphapulse_kpi_strategy_open_positions', 'gauge', 'Open positions per strategy from its latest snapshot.', strategyOnly),
  strategySnapshotTime: family(KPI, 'alphapulse_kpi_strategy_snapshot_timestamp_seconds', 'gauge', 'Unix time of the strategy\'s latest equity snapshot.', strategyOnly),
  strategyDrawdown: family(
    KPI,
    'alphapulse_kpi_strategy_drawdown_ratio',
    'gauge',
    'Fall of the latest equity from the peak within the drawdown lookback (config kpi.drawdown_lookback_seconds), 0–1.',
    strategyOnly,
  ),
  strategyWinRatio: family(
    KPI,
    'alphapulse_kpi_strategy_win_ratio',
    'gauge',
    'Winning trades / trades with non-zero realized P&L within the win-rate lookback (config kpi.win_rate_lookback_seconds), 0–1.',
    strategyOnly,
  ),
  tradesInWindow: family(KPI, 'alphapulse_kpi_trades_in_window', 'gauge', 'Trades per strategy and side in the trailing KPI window.', ['strategy', 'side']),
  patternsInWindow: family(KPI, 'alphapulse_kpi_patterns_in_window', 'gauge', 'Patterns detected per pattern and direction in the trailing KPI window.', ['pattern', 'direction']),
  sentimentScore: family(KPI, 'alphapulse_kpi_sentiment_score', 'gauge', 'Latest sentiment score per symbol and source (within the sentiment lookback), −1…1.', ['symbol', 'source']),
  sentimentConfidence: family(KPI, 'alphapulse_kpi_sentiment_confidence_ratio', 'gauge', 'Confidence of the latest sentiment score, 0–1.', ['symbol', 'source']),
  newestCandleTime: family(KPI, 'alphapulse_kpi_newest_candle_timestamp_seconds', 'gauge', 'Unix time of the newest candle per symbol and timeframe.', ['symbol', 'timeframe']),
  newestCandleAge: family(
    KPI,
    'alphapulse_kpi_newest_candle_age_seconds',
    'gauge',
    'Age of the newest candle per symbol and timeframe at scrape time (stale market data).',
    ['symbol', 'timeframe'],
  ),
} as const;

export const SELF_METRICS = {
  buildInfo: family(SELF, 'alphapulse_exporter_build_info', 'info', 'Version of the exporter and of Node.js it runs on.', ['version', 'node_version']),
  collectionDuration: family(SELF, 'alphapulse_exporter_collection_duration_seconds', 'gauge', 'Time this scrape spent collecting, before rendering.', []),
  scrapeBudget: family(
    SELF,
    'alphapulse_exporter_scrape_budget_seconds',
    'gauge',
    'Collection budget of this scrape: X-Prometheus-Scrape-Timeout-Seconds minus the offset, or the default.',
    [],
  ),
  targets: family(SELF, 'alphapulse_exporter_targets', 'gauge', 'Service instances configured.', []),
  configReloadSuccessful: family(SELF, 'alphapulse_exporter_config_last_reload_successful', 'gauge', '1 when the last config (re)load succeeded, 0 when it was rejected.', []),
  configReloadTime: family(SELF, 'alphapulse_exporter_config_last_reload_timestamp_seconds', 'gauge', 'Unix time of the last config (re)load attempt.', []),
} as const;

/** Prefixes of the standard process and Node.js families (prom-client's default collectors). */
export const RUNTIME_METRIC_PREFIXES = ['process_', 'nodejs_'] as const;

export const KIND_METRICS = {
  pattern_storage: PATTERN_STORAGE_METRICS,
  retrieval_optimizer: RETRIEVAL_OPTIMIZER_METRICS,
  predictive_optimizer: PREDICTIVE_OPTIMIZER_METRICS,
  analytics_dashboard: ANALYTICS_DASHBOARD_METRICS,
  alerting_service: ALERTING_SERVICE_METRICS,
  distributed_processor: DISTRIBUTED_PROCESSOR_METRICS,
  trading_engine: TRADING_ENGINE_METRICS,
  risk_manager: RISK_MANAGER_METRICS,
  sentiment_service: SENTIMENT_SERVICE_METRICS,
} as const;

/** Every family, in documentation order. */
export const ALL_METRICS: readonly MetricDefinition[] = [
  HEALTH_METRICS,
  TARGET_METRICS,
  COMMON_METRICS,
  ...Object.values(KIND_METRICS),
  KPI_METRICS,
  SELF_METRICS,
].flatMap((group) => Object.values(group));

/** Every fixed metric name (dashboards and alert rules are checked against it). */
export const METRIC_NAMES: readonly string[] = ALL_METRICS.map((metric) => metric.name);

/** Label names the exporter sets itself: config target labels must not reuse them. */
export const RESERVED_LABELS: ReadonlySet<string> = new Set([
  ...ALL_METRICS.flatMap((metric) => metric.labels),
  'job',
  'le',
  'quantile',
]);
