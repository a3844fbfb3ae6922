// The KPI queries the exporter runs, in output order.
import type { KpiQuery } from '../kpiQuery';
import { newestCandlesQuery } from './newestCandles';
import { patternsInWindowQuery } from './patternsInWindow';
import { sentimentScoresQuery } from './sentimentScores';
import { strategySnapshotsQuery } from './strategySnapshots';
import { tradesInWindowQuery } from './tradesInWindow';
import { winRateQuery } from './winRate';

export const KPI_QUERIES: readonly KpiQuery[] = [
  strategySnapshotsQuery,
  winRateQuery,
  tradesInWindowQuery,
  patternsInWindowQuery,
  sentimentScoresQuery,
  newestCandlesQuery,
];
