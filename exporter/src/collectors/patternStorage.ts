import { PATTERN_STORAGE_METRICS as M } from '../metrics/catalogue';
import { defineCollector } from './kindCollector';
import { addQuantiles } from './latency';

export const patternStorageCollector = defineCollector({
  kind: 'pattern_storage',
  collect(stats, target, set) {
    set.add(M.patternsStored, target, stats.patterns_stored_total);
    set.add(M.batchInsertRows, target, stats.batch_insert_size);
    addQuantiles(set, M.batchInsertLatency, stats.batch_insert_duration_seconds, target);
    set.add(M.rowsPerSecond, target, stats.rows_per_second);
    set.add(M.compressionFactor, target, stats.compression_ratio);
    set.add(M.storage, target, stats.storage_bytes);
    set.add(M.workersBusy, target, stats.workers_busy);
    set.add(M.workers, target, stats.workers_total);
  },
});
