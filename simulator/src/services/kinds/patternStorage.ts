// pattern_storage: batches of detected patterns written to TimescaleDB by a small worker pool.
import { latencyQuantiles } from '../latencyHistogram';
import { clamp, defineKind, roundTo } from './kindModule';

interface PatternStorageState {
  patternsStored: number;
  lastBatchSize: number;
  lastBatchSeconds: number;
  rowsLastSecond: number;
  compressionRatio: number;
  storageBytes: number;
  workersBusy: number;
}

const WORKERS_TOTAL = 4;
const BYTES_PER_ROW = 180;

export const patternStorage = defineKind({
  kind: 'pattern_storage',
  profile: {
    version: '2.4.1',
    requestsPerSecond: 40,
    latencyMedianSeconds: 0.006,
    latencySigma: 0.6,
    cpuSecondsPerRequest: 0.0015,
    idleCpuSecondsPerSecond: 0.01,
    baseMemoryBytes: 310 * 1024 * 1024,
    memoryGrowthBytesPerSecond: 9_000,
    errorBurstsPerHour: 0.3,
  },
  createState: (): PatternStorageState => ({
    patternsStored: 0,
    lastBatchSize: 0,
    lastBatchSeconds: 0.04,
    rowsLastSecond: 0,
    compressionRatio: 7,
    storageBytes: 12 * 1024 ** 3,
    workersBusy: 0,
  }),
  step(state, { rng, process }) {
    const batches = rng.poisson(2 * process.load);
    let rows = 0;
    for (let i = 0; i < batches; i++) {
      state.lastBatchSize = rng.integer(200, 800);
      rows += state.lastBatchSize;
    }
    if (batches > 0) state.lastBatchSeconds = 0.00006 * state.lastBatchSize * (0.7 + 0.5 * process.load) * rng.between(0.8, 1.2);
    state.patternsStored += rows;
    state.rowsLastSecond = rows;
    state.compressionRatio = clamp(state.compressionRatio + 0.01 * rng.normal(), 5.5, 9.5);
    state.storageBytes += (rows * BYTES_PER_ROW) / state.compressionRatio;
    state.workersBusy = clamp(Math.round(WORKERS_TOTAL * process.load * rng.between(0.5, 0.9)), 0, WORKERS_TOTAL);
  },
  stats: (state, common) => ({
    ...common,
    patterns_stored_total: state.patternsStored,
    batch_insert_size: state.lastBatchSize,
    batch_insert_duration_seconds: latencyQuantiles({ medianSeconds: state.lastBatchSeconds, sigma: 0.45 }),
    rows_per_second: state.rowsLastSecond,
    compression_ratio: roundTo(state.compressionRatio, 3),
    storage_bytes: Math.round(state.storageBytes),
    workers_busy: state.workersBusy,
    workers_total: WORKERS_TOTAL,
  }),
  performanceMetrics: (state) => ({ rows_per_second: state.rowsLastSecond, workers_busy: state.workersBusy }),
});
