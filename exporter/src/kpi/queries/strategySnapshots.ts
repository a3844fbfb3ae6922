// Latest equity snapshot per strategy, and its drawdown from the peak within the lookback before it.
// The strategies are found by a skip scan of the (strategy, time) primary key, not a scan of the table.
import { KPI_METRICS as M } from '../../metrics/catalogue';
import { KPI_TABLES as T, num, type KpiQuery } from '../kpiQuery';

export const strategySnapshotsQuery: KpiQuery = {
  name: 'strategy_snapshots',
  sql: `
    WITH RECURSIVE strategies AS (
      (SELECT strategy FROM ${T.equitySnapshots} ORDER BY strategy LIMIT 1)
      UNION ALL
      SELECT (SELECT e.strategy FROM ${T.equitySnapshots} e WHERE e.strategy > s.strategy ORDER BY e.strategy LIMIT 1)
      FROM strategies s WHERE s.strategy IS NOT NULL
    )
    SELECT s.strategy, extract(epoch FROM latest.time)::float8 AS time, latest.equity, latest.realized_pnl,
           latest.unrealized_pnl, latest.gross_exposure, latest.net_exposure, latest.open_positions,
           (SELECT max(p.equity) FROM ${T.equitySnapshots} p
             WHERE p.strategy = s.strategy AND p.time >= latest.time - make_interval(secs => $1)) AS peak_equity
    FROM strategies s
    CROSS JOIN LATERAL (
      SELECT * FROM ${T.equitySnapshots} e WHERE e.strategy = s.strategy ORDER BY e.time DESC LIMIT 1
    ) latest
    WHERE s.strategy IS NOT NULL`,
  params: (settings) => [settings.drawdown_lookback_seconds],
  toSamples(rows, set) {
    for (const row of rows) {
      const labels = { strategy: String(row.strategy) };
      const equity = num(row.equity);
      const peak = num(row.peak_equity);
      set.add(M.strategyEquity, labels, equity);
      set.add(M.strategyRealizedPnl, labels, num(row.realized_pnl));
      set.add(M.strategyUnrealizedPnl, labels, num(row.unrealized_pnl));
      set.add(M.strategyGrossExposure, labels, num(row.gross_exposure));
      set.add(M.strategyNetExposure, labels, num(row.net_exposure));
      set.add(M.strategyOpenPositions, labels, num(row.open_positions));
      set.add(M.strategySnapshotTime, labels, num(row.time));
      set.add(M.strategyDrawdown, labels, peak > 0 ? Math.max(0, (peak - equity) / peak) : 0);
    }
  },
};
