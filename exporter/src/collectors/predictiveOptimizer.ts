import { PREDICTIVE_OPTIMIZER_METRICS as M } from '../metrics/catalogue';
import { defineCollector } from './kindCollector';
import { addQuantiles } from './latency';

export const predictiveOptimizerCollector = defineCollector({
  kind: 'predictive_optimizer',
  collect(stats, target, set) {
    for (const [model, modelStats] of Object.entries(stats.models)) {
      const labels = { ...target, model };
      set.add(M.accuracy, labels, modelStats.accuracy);
      set.add(M.predictions, labels, modelStats.predictions_total);
      addQuantiles(set, M.predictionLatency, modelStats.prediction_latency_seconds, labels);
      set.add(M.lastRetrain, labels, Date.parse(modelStats.last_retrain_time) / 1000);
      set.add(M.retrainFailures, labels, modelStats.retrain_failures_total);
    }
  },
});
