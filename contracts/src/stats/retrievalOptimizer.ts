import { z } from 'zod';
import { count, quantilesSchema, ratio } from '../common';
import { commonStatsShape } from './common';

export const retrievalOptimizerStatsSchema = z.looseObject({
  ...commonStatsShape,
  query_latency_seconds: quantilesSchema,
  cache_hits_total: count,
  cache_misses_total: count,
  /** hits / (hits + misses) over the service's recent window, 0–1. */
  cache_hit_ratio: ratio,
  slow_queries_total: count,
  index_recommendations_pending: count,
  auto_tuning_actions_total: count,
});
export type RetrievalOptimizerStats = z.infer<typeof retrievalOptimizerStatsSchema>;
