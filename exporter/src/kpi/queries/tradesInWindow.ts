import { KPI_METRICS as M } from '../../metrics/catalogue';
import { KPI_TABLES as T, num, type KpiQuery } from '../kpiQuery';

export const tradesInWindowQuery: KpiQuery = {
  name: 'trades_in_window',
  sql: `
    SELECT strategy, side, count(*) AS trades
    FROM ${T.trades} WHERE time > now() - make_interval(secs => $1)
    GROUP BY strategy, side`,
  params: (settings) => [settings.window_seconds],
  toSamples(rows, set) {
    for (const row of rows) set.add(M.tradesInWindow, { strategy: String(row.strategy), side: String(row.side) }, num(row.trades));
  },
};
