// Names of the TimescaleDB data model, shared by the migrations, the data writer and every reader (query API,
// exporter KPIs, Grafana's SQL). The migrations create exactly these.

export const SCHEMA = 'alphapulse';
/** node-pg-migrate's bookkeeping table, inside SCHEMA. */
export const MIGRATIONS_TABLE = 'pgmigrations';
/** NOLOGIN role with SELECT on everything in SCHEMA; readers log in as members of it. */
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
