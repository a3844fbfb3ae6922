import { KPI_METRICS as M } from '../../metrics/catalogue';
import { KPI_TABLES as T, num, type KpiQuery } from '../kpiQuery';

export const sentimentScoresQuery: KpiQuery = {
  name: 'sentiment_scores',
  sql: `
    SELECT DISTINCT ON (symbol, source) symbol, source, score, confidence
    FROM ${T.sentiment} WHERE time > now() - make_interval(secs => $1)
    ORDER BY symbol, source, time DESC`,
  params: (settings) => [settings.sentiment_lookback_seconds],
  toSamples(rows, set) {
    for (const row of rows) {
      const labels = { symbol: String(row.symbol), source: String(row.source) };
      set.add(M.sentimentScore, labels, num(row.score));
      set.add(M.sentimentConfidence, labels, num(row.confidence));
    }
  },
};
