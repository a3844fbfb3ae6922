// One field_map example per service kind, for docs/contract.md; the exporter's tests load each one through its
// config validation, so the documented examples cannot rot.
import type { ServiceKind } from './constants';

export interface MappingExample {
  /** What the service sends, in a sentence. */
  situation: string;
  field_map: { health?: Record<string, string>; stats?: Record<string, string> };
}

export const MAPPING_EXAMPLES: Record<ServiceKind, MappingExample> = {
  pattern_storage: {
    situation: 'keeps its store numbers under `store` and calls the compression ratio `compression`',
    field_map: { stats: { storage_bytes: 'store.size_bytes', compression_ratio: 'store.compression', patterns_stored_total: 'store.patterns' } },
  },
  retrieval_optimizer: {
    situation: 'reports cache counters as `cache.hits` / `cache.misses` and query latency under `timings`',
    field_map: { stats: { cache_hits_total: 'cache.hits', cache_misses_total: 'cache.misses', 'query_latency_seconds.p95': 'timings.query_p95_s' } },
  },
  predictive_optimizer: {
    situation: 'names its one model `rf` and nests its accuracy under `eval`',
    field_map: { stats: { 'models.random_forest.accuracy': 'models.rf.eval.accuracy', 'models.random_forest.predictions_total': 'models.rf.count' } },
  },
  analytics_dashboard: {
    situation: 'answers /health with `{"name": …, "state": …}` and counts websocket clients apart',
    field_map: { health: { service_name: 'name', status: 'state' }, stats: { connected_clients: 'websocket.clients' } },
  },
  alerting_service: {
    situation: 'counts Slack messages in a list of per-channel objects',
    field_map: { stats: { 'channels.slack.sent_total': '$.channels_list[0].sent', 'channels.slack.failed_total': '$.channels_list[0].failed' } },
  },
  distributed_processor: {
    situation: 'calls its queue `backlog` and its pools `executors`',
    field_map: { stats: { queue_depth: 'backlog', 'pools.thread.workers_busy': 'executors.threads.active', 'pools.thread.workers_total': 'executors.threads.max' } },
  },
  trading_engine: {
    situation: 'keeps the account under `portfolio`',
    field_map: { stats: { equity: 'portfolio.total_equity', open_positions: 'portfolio.open_positions', fills_total: 'execution.fills' } },
  },
  risk_manager: {
    situation: 'has a key with a dot in it (`var.95`) and reports uptime in its process block',
    field_map: { health: { uptime: 'process.uptime_seconds' }, stats: { value_at_risk: "risk['var.95']", gross_exposure: 'exposure.gross' } },
  },
  sentiment_service: {
    situation: 'reports per-source counts under `feeds`',
    field_map: { stats: { 'sources.twitter.messages_processed_total': 'feeds.twitter.processed', 'sources.twitter.api_errors_total': 'feeds.twitter.errors' } },
  },
};
