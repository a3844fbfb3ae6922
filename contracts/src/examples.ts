// One realistic payload per kind: the documentation's examples and the contract tests' good inputs.
import type { ServiceKind } from './constants';
import type { HealthRecord } from './health';
import type { StatsByKind } from './stats';

const at = '2026-11-25T14:30:00.000Z';
const common = (service_name: ServiceKind, requests_total: number) => ({
  service_name,
  version: '2.4.1',
  timestamp: at,
  cpu_seconds_total: 5123.42,
  resident_memory_bytes: 412_385_280,
  requests_total,
  latency_seconds: {
    buckets: [
      { le: 0.005, count: 10234 },
      { le: 0.025, count: 48211 },
      { le: 0.1, count: 60112 },
      { le: 0.5, count: 61890 },
      { le: '+Inf' as const, count: 62004 },
    ],
    sum: 1902.7,
    count: 62004,
  },
});

export const exampleHealthRecord: HealthRecord = {
  service_name: 'trading_engine',
  status: 'healthy',
  uptime: 86_412.5,
  last_heartbeat: '2026-11-25T14:29:58.120Z',
  error_count: 3,
  warning_count: 41,
  dependencies: ['risk_manager', 'retrieval_optimizer', 'sentiment_service', 'predictive_optimizer', 'exchange_api'],
  performance_metrics: { order_latency_seconds: 0.0042, event_loop_lag_seconds: 0.0008, open_websockets: 3 },
};

export const exampleStats: StatsByKind = {
  pattern_storage: {
    ...common('pattern_storage', 62004),
    patterns_stored_total: 1_284_377,
    batch_insert_size: 500,
    batch_insert_duration_seconds: { p50: 0.042, p95: 0.11, p99: 0.23 },
    rows_per_second: 11_870,
    compression_ratio: 7.4,
    storage_bytes: 18_253_611_008,
    workers_busy: 3,
    workers_total: 4,
  },
  retrieval_optimizer: {
    ...common('retrieval_optimizer', 62004),
    query_latency_seconds: { p50: 0.012, p95: 0.087, p99: 0.31 },
    cache_hits_total: 918_233,
    cache_misses_total: 101_877,
    cache_hit_ratio: 0.9,
    slow_queries_total: 57,
    index_recommendations_pending: 2,
    auto_tuning_actions_total: 14,
  },
  predictive_optimizer: {
    ...common('predictive_optimizer', 62004),
    models: {
      random_forest: {
        accuracy: 0.71,
        predictions_total: 402_110,
        prediction_latency_seconds: { p50: 0.004, p95: 0.019 },
        last_retrain_time: '2026-11-25T12:00:03.000Z',
        retrain_failures_total: 0,
      },
      gradient_boosting: {
        accuracy: 0.74,
        predictions_total: 402_087,
        prediction_latency_seconds: { p50: 0.006, p95: 0.024 },
        last_retrain_time: '2026-11-25T12:00:41.000Z',
        retrain_failures_total: 1,
      },
    },
  },
  analytics_dashboard: {
    ...common('analytics_dashboard', 62004),
    connected_clients: 12,
    widgets: 48,
    metric_updates_pushed_total: 3_918_002,
    active_alerts_shown: 1,
  },
  alerting_service: {
    ...common('alerting_service', 62004),
    channels: {
      email: { sent_total: 311, failed_total: 2 },
      sms: { sent_total: 17, failed_total: 0 },
      webhook: { sent_total: 95, failed_total: 1 },
      slack: { sent_total: 402, failed_total: 3 },
    },
    escalations_total: 4,
    rules_evaluated_total: 1_540_220,
  },
  distributed_processor: {
    ...common('distributed_processor', 62004),
    pools: {
      thread: { workers_busy: 11, workers_total: 16 },
      process: { workers_busy: 3, workers_total: 4 },
    },
    queue_depth: 128,
    tasks_completed_total: 2_301_554,
    tasks_failed_total: 312,
    task_latency_seconds: { p50: 0.035, p95: 0.21, p99: 0.64 },
    load_imbalance_ratio: 0.18,
  },
  trading_engine: {
    ...common('trading_engine', 62004),
    orders: [
      { side: 'buy', status: 'filled', count: 10_233 },
      { side: 'buy', status: 'cancelled', count: 512 },
      { side: 'sell', status: 'filled', count: 10_101 },
      { side: 'sell', status: 'rejected', count: 7 },
    ],
    fills_total: 20_334,
    open_positions: 9,
    equity: 1_046_210.55,
    strategies_running: 4,
    strategies: {
      momentum: { equity: 262_400.1, realized_pnl: 12_400.1, unrealized_pnl: -310.5, open_positions: 3 },
      mean_reversion: { equity: 258_033.9, realized_pnl: 8_033.9, unrealized_pnl: 122.75, open_positions: 2 },
    },
  },
  risk_manager: {
    ...common('risk_manager', 62004),
    current_drawdown_ratio: 0.023,
    max_drawdown_ratio: 0.081,
    gross_exposure: 612_000,
    net_exposure: 148_500,
    value_at_risk: 18_250,
    limit_breaches_total: 2,
    stop_losses_triggered_total: 37,
    position_sizes: { BTCUSD: 120_000, ETHUSD: -42_500, AAPL: 71_000 },
  },
  sentiment_service: {
    ...common('sentiment_service', 62004),
    sources: {
      twitter: { messages_processed_total: 1_203_311, api_errors_total: 14 },
      reddit: { messages_processed_total: 311_020, api_errors_total: 2 },
      news: { messages_processed_total: 40_122, api_errors_total: 0 },
    },
    scores: [
      { symbol: 'BTCUSD', source: 'twitter', score: 0.31, confidence: 0.64 },
      { symbol: 'BTCUSD', source: 'news', score: 0.12, confidence: 0.81 },
      { symbol: 'AAPL', source: 'reddit', score: -0.22, confidence: 0.52 },
    ],
  },
};
