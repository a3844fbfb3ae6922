// Relation names the query API reads. They mirror simulator/src/db/schema.ts (the migrations' single source);
// test/query.relations.test.ts fails if the two drift, so the deployable exporter need not import the simulator.
export const SCHEMA = 'alphapulse';
export const MIGRATIONS_TABLE = `${SCHEMA}.pgmigrations`;

export const TABLES = {
  candles: `${SCHEMA}.candles`,
  trades: `${SCHEMA}.trades`,
  equitySnapshots: `${SCHEMA}.equity_snapshots`,
  patterns: `${SCHEMA}.patterns`,
  sentiment: `${SCHEMA}.sentiment`,
} as const;

/** Continuous aggregates with TimescaleDB, plain views otherwise; read only when TimescaleDB is present. */
export const AGGREGATES = {
  candles1h: `${SCHEMA}.candles_1h`,
  candles1d: `${SCHEMA}.candles_1d`,
  sentiment1h: `${SCHEMA}.sentiment_1h`,
} as const;

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
