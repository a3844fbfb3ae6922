import { exampleStats } from '@alphapulse/contracts';
import { MetricSet } from '../metrics/model';
import { retrievalOptimizerCollector } from './retrievalOptimizer';

test('retrieval_optimizer: query latency, cache, slow queries, index recommendations, auto-tuning', () => {
  const set = new MetricSet();
  const target = { service: 'x', instance: 'h:1' };
  retrievalOptimizerCollector.collect(exampleStats.retrieval_optimizer, target, set);
  expect(set.value('alphapulse_retrieval_optimizer_query_latency_seconds', { ...target, quantile: '0.5' })).toBe(0.012);
  expect(set.value('alphapulse_retrieval_optimizer_query_latency_seconds', { ...target, quantile: '0.99' })).toBe(0.31);
  expect(set.value('alphapulse_retrieval_optimizer_cache_hits_total', target)).toBe(918_233);
  expect(set.value('alphapulse_retrieval_optimizer_cache_misses_total', target)).toBe(101_877);
  expect(set.value('alphapulse_retrieval_optimizer_cache_hit_ratio', target)).toBe(0.9);
  expect(set.value('alphapulse_retrieval_optimizer_slow_queries_total', target)).toBe(57);
  expect(set.value('alphapulse_retrieval_optimizer_index_recommendations_pending', target)).toBe(2);
  expect(set.value('alphapulse_retrieval_optimizer_auto_tuning_actions_total', target)).toBe(14);
});
