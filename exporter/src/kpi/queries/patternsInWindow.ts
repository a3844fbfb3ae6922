import { KPI_METRICS as M } from '../../metrics/catalogue';
import { KPI_TABLES as T, num, type KpiQuery } from '../kpiQuery';

export const patternsInWindowQuery: KpiQuery = {
  name: 'patterns_in_window',
  sql: `
    SELECT pattern, direction, count(*) AS patterns
    FROM ${T.patterns} WHERE time > now() - make_interval(secs => $1)
    GROUP BY pattern, direction`,
  params: (settings) => [settings.window_seconds],
  toSamples(rows, set) {
    for (const row of rows) set.add(M.patternsInWindow, { pattern: String(row.pattern), direction: String(row.direction) }, num(row.patterns));
  },
};
