import { z } from 'zod';
import { count, isoTime, quantilesSchema, ratio } from '../common';
import { commonStatsShape } from './common';

export const modelStatsSchema = z.looseObject({
  /** Accuracy on the latest validation window, 0–1. */
  accuracy: ratio,
  predictions_total: count,
  prediction_latency_seconds: quantilesSchema,
  last_retrain_time: isoTime,
  retrain_failures_total: count,
});

export const predictiveOptimizerStatsSchema = z.looseObject({
  ...commonStatsShape,
  /** Keyed by model name, e.g. random_forest, gradient_boosting. */
  models: z.record(z.string().min(1), modelStatsSchema),
});
export type PredictiveOptimizerStats = z.infer<typeof predictiveOptimizerStatsSchema>;
