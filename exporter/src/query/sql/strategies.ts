// Strategy performance series: equity (last snapshot per bucket), P&L net of fees (per bucket or cumulative
// over the range) and drawdown from the running peak within the range (worst value per bucket).
import { TABLES } from '../relations';
import { type BucketWindow, type SqlQuery, type SqlTarget, Params, anyOf, bucketParam, bucketSql, lastSql } from './common';

export function buildEquitySql(target: SqlTarget, window: BucketWindow, strategies: readonly string[]): SqlQuery {
  const params = new Params();
  const bucket = bucketSql(target, bucketParam(params, window.bucketMs));
  const range = `time >= ${params.time(window.fromMs)} AND time < ${params.time(window.toMs)}${anyOf(params, 'strategy', strategies)}`;
  // Plain PostgreSQL: the last snapshot of each bucket through the primary key (strategy, time) instead of an
  // ordered array_agg that sorts every bucket (see candles.ts).
  const text = target.timescaledb
    ? `SELECT strategy, ${bucket} AS time, ${lastSql(target, 'equity')} AS equity
FROM ${TABLES.equitySnapshots}
WHERE ${range}
GROUP BY strategy, 2
ORDER BY strategy, 2`
    : `WITH buckets AS (
  SELECT strategy, ${bucket} AS time, max(time) AS last_time FROM ${TABLES.equitySnapshots} WHERE ${range} GROUP BY strategy, 2
)
SELECT b.strategy, b.time, (SELECT equity FROM ${TABLES.equitySnapshots} AS r WHERE r.strategy = b.strategy AND r.time = b.last_time) AS equity
FROM buckets b
ORDER BY b.strategy, b.time`;
  return { text, values: params.values };
}

export function buildPnlSql(target: SqlTarget, window: BucketWindow, strategies: readonly string[], mode: 'cumulative' | 'perBucket'): SqlQuery {
  const params = new Params();
  const bucket = bucketSql(target, bucketParam(params, window.bucketMs));
  const pnl = mode === 'cumulative' ? 'sum(sum(realized_pnl - fee)) OVER (PARTITION BY strategy ORDER BY ' + bucket + ')' : 'sum(realized_pnl - fee)';
  const text = `SELECT strategy, ${bucket} AS time, ${pnl} AS pnl
FROM ${TABLES.trades}
WHERE time >= ${params.time(window.fromMs)} AND time < ${params.time(window.toMs)}${anyOf(params, 'strategy', strategies)}
GROUP BY strategy, 2
ORDER BY strategy, 2`;
  return { text, values: params.values };
}

export function buildDrawdownSql(target: SqlTarget, window: BucketWindow, strategies: readonly string[]): SqlQuery {
  const params = new Params();
  const bucket = bucketSql(target, bucketParam(params, window.bucketMs));
  const text = `SELECT strategy, ${bucket} AS time, min(equity / NULLIF(peak, 0) - 1) AS drawdown
FROM (
  SELECT strategy, time, equity, max(equity) OVER (PARTITION BY strategy ORDER BY time ROWS UNBOUNDED PRECEDING) AS peak
  FROM ${TABLES.equitySnapshots}
  WHERE time >= ${params.time(window.fromMs)} AND time < ${params.time(window.toMs)}${anyOf(params, 'strategy', strategies)}
) AS with_peak
GROUP BY strategy, 2
ORDER BY strategy, 2`;
  return { text, values: params.values };
}

/** Daily returns are annualised over 365 days: the market the emulator models trades every day. */
export const PERIODS_PER_YEAR = 365;

/**
 * One row per strategy over the raw range. Trades with realized_pnl ≠ 0 close a position: wins and losses count
 * those by the sign of realized_pnl (before fees); net_pnl subtracts all fees. Sharpe and Sortino use daily
 * returns of the last equity snapshot of each UTC day; null with fewer than two returns or no dispersion.
 */
export function buildStrategySummarySql(window: { fromMs: number; toMs: number }, strategies: readonly string[]): SqlQuery {
  const params = new Params();
  const from = params.time(window.fromMs);
  const to = params.time(window.toMs);
  const tradeFilter = anyOf(params, 'strategy', strategies);
  const equityFilter = tradeFilter; // same placeholder: the same selection
  const day = `date_bin(INTERVAL '1 day', time, TIMESTAMPTZ '2000-01-01T00:00:00.000Z')`;
  const text = `WITH trade_stats AS (
  SELECT strategy,
    count(*)::int AS trades,
    (count(*) FILTER (WHERE realized_pnl > 0))::int AS wins,
    (count(*) FILTER (WHERE realized_pnl < 0))::int AS losses,
    coalesce(sum(realized_pnl) FILTER (WHERE realized_pnl > 0), 0) AS gross_profit,
    coalesce(-sum(realized_pnl) FILTER (WHERE realized_pnl < 0), 0) AS gross_loss,
    sum(realized_pnl) - sum(fee) AS net_pnl
  FROM ${TABLES.trades}
  WHERE time >= ${from} AND time <= ${to}${tradeFilter}
  GROUP BY strategy
), equity AS (
  SELECT strategy, time, equity, max(equity) OVER (PARTITION BY strategy ORDER BY time ROWS UNBOUNDED PRECEDING) AS peak
  FROM ${TABLES.equitySnapshots}
  WHERE time >= ${from} AND time <= ${to}${equityFilter}
), daily AS (
  SELECT strategy, ${day} AS day, (array_agg(equity ORDER BY time DESC))[1] AS close_equity
  FROM equity GROUP BY strategy, 2
), returns AS (
  SELECT strategy, close_equity / NULLIF(lag(close_equity) OVER (PARTITION BY strategy ORDER BY day), 0) - 1 AS r FROM daily
), ratios AS (
  SELECT strategy, count(r)::int AS n, avg(r) AS mean_r, stddev_samp(r) AS sd_r, sqrt(avg(power(least(r, 0), 2))) AS downside_r
  FROM returns WHERE r IS NOT NULL GROUP BY strategy
), drawdowns AS (
  SELECT strategy, min(equity / NULLIF(peak, 0) - 1) AS max_drawdown FROM equity GROUP BY strategy
), names AS (
  SELECT strategy FROM trade_stats UNION SELECT strategy FROM drawdowns
)
SELECT names.strategy,
  coalesce(t.trades, 0) AS trades,
  CASE WHEN t.wins + t.losses > 0 THEN t.wins::float8 / (t.wins + t.losses) END AS win_rate,
  CASE WHEN t.gross_loss > 0 THEN t.gross_profit / t.gross_loss END AS profit_factor,
  CASE WHEN t.wins > 0 THEN t.gross_profit / t.wins END AS avg_win,
  CASE WHEN t.losses > 0 THEN -t.gross_loss / t.losses END AS avg_loss,
  coalesce(t.net_pnl, 0) AS net_pnl,
  CASE WHEN r.n >= 2 AND r.sd_r > 0 THEN r.mean_r / r.sd_r * sqrt(${PERIODS_PER_YEAR}) END AS sharpe,
  CASE WHEN r.n >= 2 AND r.downside_r > 0 THEN r.mean_r / r.downside_r * sqrt(${PERIODS_PER_YEAR}) END AS sortino,
  coalesce(d.max_drawdown, 0) AS max_drawdown
FROM names
LEFT JOIN trade_stats t USING (strategy)
LEFT JOIN ratios r USING (strategy)
LEFT JOIN drawdowns d USING (strategy)
ORDER BY names.strategy`;
  return { text, values: params.values };
}
