import { exampleStats } from '@alphapulse/contracts';
import { MetricSet } from '../metrics/model';
import { patternStorageCollector } from './patternStorage';

test('pattern_storage: stored patterns, batch inserts, rows/s, compression, storage, workers', () => {
  const set = new MetricSet();
  const target = { service: 'x', instance: 'h:1' };
  patternStorageCollector.collect(exampleStats.pattern_storage, target, set);
  expect(set.value('alphapulse_pattern_storage_patterns_stored_total', target)).toBe(1_284_377);
  expect(set.value('alphapulse_pattern_storage_batch_insert_rows', target)).toBe(500);
  expect(set.value('alphapulse_pattern_storage_batch_insert_latency_seconds', { ...target, quantile: '0.95' })).toBe(0.11);
  expect(set.value('alphapulse_pattern_storage_rows_per_second', target)).toBe(11_870);
  expect(set.value('alphapulse_pattern_storage_compression_factor', target)).toBe(7.4);
  expect(set.value('alphapulse_pattern_storage_storage_bytes', target)).toBe(18_253_611_008);
  expect(set.value('alphapulse_pattern_storage_workers_busy', target)).toBe(3);
  expect(set.value('alphapulse_pattern_storage_workers', target)).toBe(4);
});
