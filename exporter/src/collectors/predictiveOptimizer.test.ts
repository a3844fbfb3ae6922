import { exampleStats } from '@alphapulse/contracts';
import { MetricSet } from '../metrics/model';
import { predictiveOptimizerCollector } from './predictiveOptimizer';

test('predictive_optimizer: accuracy, predictions, latency, last retrain and failures per model', () => {
  const set = new MetricSet();
  const target = { service: 'x', instance: 'h:1' };
  predictiveOptimizerCollector.collect(exampleStats.predictive_optimizer, target, set);
  const rf = { ...target, model: 'random_forest' };
  const gb = { ...target, model: 'gradient_boosting' };
  expect(set.value('alphapulse_predictive_optimizer_model_accuracy_ratio', rf)).toBe(0.71);
  expect(set.value('alphapulse_predictive_optimizer_model_accuracy_ratio', gb)).toBe(0.74);
  expect(set.value('alphapulse_predictive_optimizer_predictions_total', gb)).toBe(402_087);
  expect(set.value('alphapulse_predictive_optimizer_prediction_latency_seconds', { ...rf, quantile: '0.95' })).toBe(0.019);
  // p99 is optional and absent here: no sample rather than a made-up one.
  expect(set.value('alphapulse_predictive_optimizer_prediction_latency_seconds', { ...rf, quantile: '0.99' })).toBeUndefined();
  expect(set.value('alphapulse_predictive_optimizer_last_retrain_timestamp_seconds', rf)).toBe(Date.parse('2026-11-25T12:00:03.000Z') / 1000);
  expect(set.value('alphapulse_predictive_optimizer_retrain_failures_total', gb)).toBe(1);
});
