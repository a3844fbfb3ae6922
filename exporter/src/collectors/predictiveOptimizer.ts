import { PREDICTIVE_OPTIMIZER_METRICS as M } from '../metrics/catalogue';
import { defineCollector, guardedEntries } from './kindCollector';
import { addQuantiles } from './latency';

export const predictiveOptimizerCollector = defineCollector({
  kind: 'predictive_optimizer',
  collect(stats, target, set, guard) {
    for (const [model, modelStats] of guardedEntries(stats.models, 'model', guard)) {
      const labels = { ...target, model };
      set.add(M.accuracy, labels, modelStats?.accuracy);
      set.add(M.predictions, labels, modelStats?.predictions_total);
      addQuantiles(set, M.predictionLatency, modelStats?.prediction_latency_seconds, labels);
      const retrain = modelStats?.last_retrain_time;
      set.add(M.lastRetrain, labels, retrain === undefined ? undefined : Date.parse(retrain) / 1000);
      set.add(M.retrainFailures, labels, modelStats?.retrain_failures_total);
    }
  },
});
