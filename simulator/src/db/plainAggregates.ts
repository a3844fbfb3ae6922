// Plain-PostgreSQL stand-ins for the continuous aggregates: views with the same names and columns, computed on
// read with date_bin. Readers filter on symbol/strategy (pushed down to the primary key) to keep them cheap.
import { AGGREGATES, TABLES } from './schema';
import { bucketExpression } from './timeBucket';

const plain = { timescaledb: false };
const hour = (column = 'time') => bucketExpression(plain, '1 hour', column);
const day = (column = 'time') => bucketExpression(plain, '1 day', column);
// first()/last() are TimescaleDB functions; ordered array_agg is the portable equivalent.
const first = (value: string) => `(array_agg(${value} ORDER BY time ASC))[1]`;
const last = (value: string) => `(array_agg(${value} ORDER BY time DESC))[1]`;

export function plainAggregateStatements(): string[] {
  return [
    `CREATE OR REPLACE VIEW ${AGGREGATES.candles1h} AS
     SELECT ${hour()} AS bucket, symbol, timeframe, ${first('open')} AS open, max(high) AS high, min(low) AS low,
            ${last('close')} AS close, sum(volume) AS volume
     FROM ${TABLES.candles} GROUP BY 1, symbol, timeframe`,
    `CREATE OR REPLACE VIEW ${AGGREGATES.candles1d} AS
     SELECT ${day()} AS bucket, symbol, timeframe, ${first('open')} AS open, max(high) AS high, min(low) AS low,
            ${last('close')} AS close, sum(volume) AS volume
     FROM ${TABLES.candles} GROUP BY 1, symbol, timeframe`,
    `CREATE OR REPLACE VIEW ${AGGREGATES.sentiment1h} AS
     SELECT ${hour()} AS bucket, symbol, source, avg(score) AS avg_score,
            sum(score * confidence) / NULLIF(sum(confidence), 0) AS weighted_score,
            avg(confidence) AS avg_confidence, sum(mentions) AS mentions, count(*) AS samples
     FROM ${TABLES.sentiment} GROUP BY 1, symbol, source`,
    `CREATE OR REPLACE VIEW ${AGGREGATES.strategyPnlDaily} AS
     SELECT ${day()} AS bucket, strategy, count(*) AS trades, sum(realized_pnl) AS realized_pnl, sum(fee) AS fees,
            sum(realized_pnl) - sum(fee) AS net_pnl,
            sum(CASE WHEN realized_pnl > 0 THEN 1 ELSE 0 END) AS winning_trades,
            sum(CASE WHEN realized_pnl < 0 THEN 1 ELSE 0 END) AS losing_trades
     FROM ${TABLES.trades} GROUP BY 1, strategy`,
    `CREATE OR REPLACE VIEW ${AGGREGATES.equityDaily} AS
     SELECT ${day()} AS bucket, strategy, ${first('equity')} AS open_equity, ${last('equity')} AS close_equity,
            max(equity) AS max_equity, min(equity) AS min_equity, ${last('equity')} - ${first('equity')} AS pnl
     FROM ${TABLES.equitySnapshots} GROUP BY 1, strategy`,
  ];
}

/** BRIN on time: tiny indexes that let time-range scans skip blocks of the append-mostly tables. */
export function brinIndexStatements(): string[] {
  return [TABLES.candles, TABLES.trades, TABLES.equitySnapshots, TABLES.patterns, TABLES.sentiment].map(
    (table) => `CREATE INDEX IF NOT EXISTS ${table.split('.')[1]}_time_brin ON ${table} USING brin (time)`,
  );
}
