// retrieval_optimizer: a query cache in front of TimescaleDB that recommends and applies index tuning.
import { latencyQuantiles } from '../latencyHistogram';
import { clamp, defineKind, roundTo } from './kindModule';

interface RetrievalOptimizerState {
  cacheHits: number;
  cacheMisses: number;
  /** Hit ratio the cache tends to; wanders as the workload shifts. */
  targetHitRatio: number;
  recentHitRatio: number;
  queryMedianSeconds: number;
  slowQueries: number;
  recommendationsPending: number;
  tuningActions: number;
}

export const retrievalOptimizer = defineKind({
  kind: 'retrieval_optimizer',
  profile: {
    version: '1.9.0',
    requestsPerSecond: 120,
    latencyMedianSeconds: 0.008,
    latencySigma: 0.8,
    cpuSecondsPerRequest: 0.0008,
    idleCpuSecondsPerSecond: 0.01,
    baseMemoryBytes: 520 * 1024 * 1024,
    memoryGrowthBytesPerSecond: 14_000,
    errorBurstsPerHour: 0.3,
  },
  createState: (): RetrievalOptimizerState => ({
    cacheHits: 0,
    cacheMisses: 0,
    targetHitRatio: 0.9,
    recentHitRatio: 0.9,
    queryMedianSeconds: 0.012,
    slowQueries: 0,
    recommendationsPending: 1,
    tuningActions: 0,
  }),
  step(state, { rng, process }) {
    state.targetHitRatio = clamp(state.targetHitRatio + 0.002 * rng.normal(), 0.7, 0.97);
    // Heavier load pushes colder data through the cache.
    const hitProbability = clamp(state.targetHitRatio - 0.05 * (process.load - 1), 0.5, 0.99);
    const queries = process.requestsLastTick;
    const hits = Math.round(queries * clamp(hitProbability + 0.02 * rng.normal(), 0, 1));
    state.cacheHits += hits;
    state.cacheMisses += queries - hits;
    if (queries > 0) state.recentHitRatio = 0.95 * state.recentHitRatio + 0.05 * (hits / queries);
    state.queryMedianSeconds = 0.004 + 0.06 * (1 - state.recentHitRatio) * (0.6 + 0.4 * process.load * process.load);
    state.slowQueries += rng.poisson((queries - hits) * 0.002);
    if (rng.chance(1 / 900)) state.recommendationsPending++;
    // The auto-tuner applies a pending recommendation now and then.
    if (state.recommendationsPending > 0 && rng.chance(1 / 1200)) {
      state.recommendationsPending--;
      state.tuningActions++;
    }
  },
  stats: (state, common) => ({
    ...common,
    query_latency_seconds: latencyQuantiles({ medianSeconds: state.queryMedianSeconds, sigma: 0.9 }),
    cache_hits_total: state.cacheHits,
    cache_misses_total: state.cacheMisses,
    cache_hit_ratio: roundTo(clamp(state.recentHitRatio, 0, 1), 4),
    slow_queries_total: state.slowQueries,
    index_recommendations_pending: state.recommendationsPending,
    auto_tuning_actions_total: state.tuningActions,
  }),
  performanceMetrics: (state) => ({ cache_hit_ratio: roundTo(state.recentHitRatio, 4) }),
});
