// Newest candle per (symbol, timeframe), for stale-market-data alerts. A skip scan of the
// (symbol, timeframe, time) primary key visits one index entry per pair instead of years of candles.
import { KPI_METRICS as M } from '../../metrics/catalogue';
import { KPI_TABLES as T, num, type KpiQuery } from '../kpiQuery';

export const newestCandlesQuery: KpiQuery = {
  name: 'newest_candles',
  sql: `
    WITH RECURSIVE pairs AS (
      (SELECT symbol, timeframe FROM ${T.candles} ORDER BY symbol, timeframe LIMIT 1)
      UNION ALL
      SELECT next.symbol, next.timeframe FROM pairs p
      CROSS JOIN LATERAL (
        SELECT c.symbol, c.timeframe FROM ${T.candles} c
        WHERE (c.symbol, c.timeframe) > (p.symbol, p.timeframe) ORDER BY c.symbol, c.timeframe LIMIT 1
      ) next
    )
    SELECT p.symbol, p.timeframe,
           extract(epoch FROM (SELECT max(c.time) FROM ${T.candles} c WHERE c.symbol = p.symbol AND c.timeframe = p.timeframe))::float8 AS newest
    FROM pairs p`,
  params: () => [],
  toSamples(rows, set, nowSeconds) {
    for (const row of rows) {
      const labels = { symbol: String(row.symbol), timeframe: String(row.timeframe) };
      const newest = num(row.newest);
      set.add(M.newestCandleTime, labels, newest);
      set.add(M.newestCandleAge, labels, Math.max(0, nowSeconds - newest));
    }
  },
};
