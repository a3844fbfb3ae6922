import { z } from 'zod';
import { count, nonNegative, quantilesSchema } from '../common';
import { commonStatsShape } from './common';

export const patternStorageStatsSchema = z.looseObject({
  ...commonStatsShape,
  patterns_stored_total: count,
  /** Rows in the most recent batch insert. */
  batch_insert_size: count,
  batch_insert_duration_seconds: quantilesSchema,
  rows_per_second: nonNegative,
  /** Uncompressed / compressed size; 1 means no compression. */
  compression_ratio: z.number().finite().min(1),
  storage_bytes: nonNegative,
  workers_busy: count,
  workers_total: count,
});
export type PatternStorageStats = z.infer<typeof patternStorageStatsSchema>;
