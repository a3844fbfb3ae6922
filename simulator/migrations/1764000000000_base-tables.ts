// Raw tables. Every primary key starts with the reader's filter column and includes time: it is the
// idempotency key of the writer (ON CONFLICT DO NOTHING) and satisfies TimescaleDB's unique-index rule.
import type { MigrationBuilder } from '../src/db/migrationHelpers';
import { READER_ROLE, SCHEMA, TABLES } from '../src/db/schema';

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);

  // double precision: exact round-trip of the writer's values, fast COPY, and enough for prices and P&L here.
  pgm.sql(`CREATE TABLE ${TABLES.candles} (
    time timestamptz NOT NULL,
    symbol text NOT NULL,
    timeframe text NOT NULL DEFAULT '1m',
    open double precision NOT NULL,
    high double precision NOT NULL,
    low double precision NOT NULL,
    close double precision NOT NULL,
    volume double precision NOT NULL,
    CONSTRAINT candles_ohlc_consistent CHECK (low > 0 AND high >= greatest(open, close) AND low <= least(open, close)),
    CONSTRAINT candles_volume_non_negative CHECK (volume >= 0),
    PRIMARY KEY (symbol, timeframe, time)
  )`);

  pgm.sql(`CREATE TABLE ${TABLES.trades} (
    time timestamptz NOT NULL,
    trade_id bigint NOT NULL,
    strategy text NOT NULL,
    symbol text NOT NULL,
    side text NOT NULL CONSTRAINT trades_side CHECK (side IN ('buy', 'sell')),
    quantity double precision NOT NULL CONSTRAINT trades_quantity_positive CHECK (quantity > 0),
    price double precision NOT NULL CONSTRAINT trades_price_positive CHECK (price > 0),
    fee double precision NOT NULL DEFAULT 0 CONSTRAINT trades_fee_non_negative CHECK (fee >= 0),
    realized_pnl double precision NOT NULL DEFAULT 0,
    PRIMARY KEY (strategy, time, trade_id)
  )`);
  // Trades as annotations on one symbol's price chart.
  pgm.sql(`CREATE INDEX trades_symbol_time ON ${TABLES.trades} (symbol, time DESC)`);

  pgm.sql(`CREATE TABLE ${TABLES.equitySnapshots} (
    time timestamptz NOT NULL,
    strategy text NOT NULL,
    equity double precision NOT NULL,
    cash double precision NOT NULL,
    unrealized_pnl double precision NOT NULL,
    realized_pnl double precision NOT NULL,
    gross_exposure double precision NOT NULL CONSTRAINT equity_gross_exposure_non_negative CHECK (gross_exposure >= 0),
    net_exposure double precision NOT NULL,
    open_positions integer NOT NULL,
    PRIMARY KEY (strategy, time)
  )`);
  pgm.sql(`COMMENT ON COLUMN ${TABLES.equitySnapshots}.realized_pnl IS 'cumulative realized P&L since the strategy started, before fees'`);

  pgm.sql(`CREATE TABLE ${TABLES.patterns} (
    time timestamptz NOT NULL,
    symbol text NOT NULL,
    timeframe text NOT NULL DEFAULT '1m',
    pattern text NOT NULL,
    direction text NOT NULL CONSTRAINT patterns_direction CHECK (direction IN ('bullish', 'bearish')),
    confidence double precision NOT NULL CONSTRAINT patterns_confidence_range CHECK (confidence BETWEEN 0 AND 1),
    price double precision NOT NULL,
    PRIMARY KEY (symbol, timeframe, pattern, time)
  )`);
  // Pattern counts across all symbols over a range.
  pgm.sql(`CREATE INDEX patterns_pattern_time ON ${TABLES.patterns} (pattern, time DESC)`);

  pgm.sql(`CREATE TABLE ${TABLES.sentiment} (
    time timestamptz NOT NULL,
    symbol text NOT NULL,
    source text NOT NULL CONSTRAINT sentiment_source CHECK (source IN ('twitter', 'reddit', 'news')),
    score double precision NOT NULL CONSTRAINT sentiment_score_range CHECK (score BETWEEN -1 AND 1),
    confidence double precision NOT NULL CONSTRAINT sentiment_confidence_range CHECK (confidence BETWEEN 0 AND 1),
    mentions integer NOT NULL CONSTRAINT sentiment_mentions_non_negative CHECK (mentions >= 0),
    PRIMARY KEY (symbol, source, time)
  )`);

  // The data writer's resumable state, committed in the same transaction as the rows it produced.
  pgm.sql(`CREATE TABLE ${TABLES.writerCheckpoints} (
    writer text PRIMARY KEY,
    next_time timestamptz NOT NULL,
    state jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`);

  // Read-only group role for the query API and Grafana; roles are cluster-wide, so tolerate a concurrent creator.
  pgm.sql(`DO $$ BEGIN
    CREATE ROLE ${READER_ROLE} NOLOGIN;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END $$`);
  pgm.sql(`GRANT USAGE ON SCHEMA ${SCHEMA} TO ${READER_ROLE}`);
  pgm.sql(`GRANT SELECT ON ALL TABLES IN SCHEMA ${SCHEMA} TO ${READER_ROLE}`);
  pgm.sql(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${SCHEMA} GRANT SELECT ON TABLES TO ${READER_ROLE}`);
}

export const down = false;
