// Names and defaults shared by every package. No zod here: plugins import this without bundling schemas.

/** The nine AlphaPulse services, in the order of ALPHAPULSE.md's table (ports 8101–8109 follow it). */
export const SERVICE_KINDS = [
  'pattern_storage',
  'retrieval_optimizer',
  'predictive_optimizer',
  'analytics_dashboard',
  'alerting_service',
  'distributed_processor',
  'trading_engine',
  'risk_manager',
  'sentiment_service',
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const SERVICE_STATUSES = ['healthy', 'degraded', 'down'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** Status words Python services use, normalised (case and whitespace ignored). */
export const STATUS_SYNONYMS: Readonly<Record<string, ServiceStatus>> = {
  healthy: 'healthy',
  ok: 'healthy',
  up: 'healthy',
  pass: 'healthy',
  passing: 'healthy',
  degraded: 'degraded',
  warning: 'degraded',
  warn: 'degraded',
  down: 'down',
  critical: 'down',
  error: 'down',
  fail: 'down',
  failed: 'down',
  unhealthy: 'down',
};
/** The status a record gets when its status word is none of the above: its own visible state, never "down". */
export const UNKNOWN_STATUS = 'unknown';

/** Things services depend on that are not AlphaPulse services themselves. */
export const EXTERNAL_DEPENDENCIES = [
  'timescaledb',
  'exchange_api',
  'smtp',
  'slack',
  'sms_gateway',
  'twitter_api',
  'reddit_api',
  'news_api',
] as const;

/**
 * ALPHAPULSE.md's plausible dependency graph: what each service calls. The emulator serves it in its health
 * records; the real graph always comes from each service's own `dependencies`.
 */
export const REFERENCE_DEPENDENCIES: Readonly<Record<ServiceKind, readonly string[]>> = {
  pattern_storage: ['timescaledb'],
  retrieval_optimizer: ['pattern_storage', 'timescaledb'],
  predictive_optimizer: ['retrieval_optimizer', 'distributed_processor'],
  analytics_dashboard: [
    'trading_engine',
    'risk_manager',
    'pattern_storage',
    'retrieval_optimizer',
    'predictive_optimizer',
    'sentiment_service',
    'distributed_processor',
    'timescaledb',
  ],
  alerting_service: ['smtp', 'slack', 'sms_gateway'],
  distributed_processor: [],
  trading_engine: ['risk_manager', 'retrieval_optimizer', 'sentiment_service', 'predictive_optimizer', 'exchange_api'],
  risk_manager: ['timescaledb'],
  sentiment_service: ['distributed_processor', 'twitter_api', 'reddit_api', 'news_api'],
};

export const SENTIMENT_SOURCES = ['twitter', 'reddit', 'news'] as const;
export const NOTIFICATION_CHANNELS = ['email', 'sms', 'webhook', 'slack'] as const;
export const PREDICTION_MODELS = ['random_forest', 'gradient_boosting'] as const;
export const WORKER_POOLS = ['thread', 'process'] as const;
export const ORDER_SIDES = ['buy', 'sell'] as const;
export const ORDER_STATUSES = ['new', 'filled', 'partially_filled', 'cancelled', 'rejected'] as const;

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORTS = {
  simulatorControl: 8100,
  firstService: 8101,
  exporter: 9464,
  prometheus: 9090,
  grafana: 3000,
} as const;

/** Default port of a service: 8101 for pattern_storage … 8109 for sentiment_service. */
export function defaultServicePort(kind: ServiceKind): number {
  return DEFAULT_PORTS.firstService + SERVICE_KINDS.indexOf(kind);
}

export function isServiceKind(name: string): name is ServiceKind {
  return (SERVICE_KINDS as readonly string[]).includes(name);
}

/** Largest health or stats body a consumer should accept; larger bodies are treated as malformed. */
export const MAX_PAYLOAD_BYTES = 1024 * 1024;

export * from './dataModel';
export * from './queryModel';
