import { KPI_METRICS as M } from '../../metrics/catalogue';
import { KPI_TABLES as T, num, type KpiQuery } from '../kpiQuery';

/** Trades with zero realized P&L (openings) are neither wins nor losses. */
export const winRateQuery: KpiQuery = {
  name: 'win_rate',
  sql: `
    SELECT strategy, count(*) FILTER (WHERE realized_pnl > 0) AS wins, count(*) FILTER (WHERE realized_pnl <> 0) AS decided
    FROM ${T.trades} WHERE time > now() - make_interval(secs => $1)
    GROUP BY strategy`,
  params: (settings) => [settings.win_rate_lookback_seconds],
  toSamples(rows, set) {
    for (const row of rows) {
      const decided = num(row.decided);
      if (decided > 0) set.add(M.strategyWinRatio, { strategy: String(row.strategy) }, num(row.wins) / decided);
    }
  },
};
