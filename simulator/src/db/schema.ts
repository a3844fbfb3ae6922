// Names shared by the migrations, the writer and every reader (query API, Grafana), defined once.
export const SCHEMA = 'alphapulse';
export const MIGRATIONS_TABLE = 'pgmigrations';
export const READER_ROLE = 'alphapulse_reader';

/** Raw time-series tables (hypertables under TimescaleDB). */
export const TABLES = {
  candles: `${SCHEMA}.candles`,
  trades: `${SCHEMA}.trades`,
  equitySnapshots: `${SCHEMA}.equity_snapshots`,
  patterns: `${SCHEMA}.patterns`,
  sentiment: `${SCHEMA}.sentiment`,
  writerCheckpoints: `${SCHEMA}.writer_checkpoints`,
} as const;

/** Long-range relations: continuous aggregates under TimescaleDB, plain views on PostgreSQL. Same names either way. */
export const AGGREGATES = {
  candles1h: `${SCHEMA}.candles_1h`,
  candles1d: `${SCHEMA}.candles_1d`,
  sentiment1h: `${SCHEMA}.sentiment_1h`,
  strategyPnlDaily: `${SCHEMA}.strategy_pnl_daily`,
  equityDaily: `${SCHEMA}.equity_daily`,
} as const;

export const SENTIMENT_SOURCES = ['twitter', 'reddit', 'news'] as const;
export type SentimentSource = (typeof SENTIMENT_SOURCES)[number];
