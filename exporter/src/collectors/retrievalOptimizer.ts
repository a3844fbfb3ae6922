import { RETRIEVAL_OPTIMIZER_METRICS as M } from '../metrics/catalogue';
import { defineCollector } from './kindCollector';
import { addQuantiles } from './latency';

export const retrievalOptimizerCollector = defineCollector({
  kind: 'retrieval_optimizer',
  collect(stats, target, set) {
    addQuantiles(set, M.queryLatency, stats.query_latency_seconds, target);
    set.add(M.cacheHits, target, stats.cache_hits_total);
    set.add(M.cacheMisses, target, stats.cache_misses_total);
    set.add(M.cacheHitRatio, target, stats.cache_hit_ratio);
    set.add(M.slowQueries, target, stats.slow_queries_total);
    set.add(M.indexRecommendations, target, stats.index_recommendations_pending);
    set.add(M.autoTuningActions, target, stats.auto_tuning_actions_total);
  },
});
