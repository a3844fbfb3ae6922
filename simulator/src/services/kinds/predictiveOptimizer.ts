// predictive_optimizer: models whose accuracy decays as markets drift, restored by periodic retrains
// that occasionally fail (then the model keeps decaying until a retry succeeds).
import { PREDICTION_MODELS } from '@alphapulse/contracts';
import { ACCURACY_DROP_CAP, ACCURACY_DROP_PER_SECOND } from '../../faults/faultModes';
import { latencyQuantiles } from '../latencyHistogram';
import { clamp, defineKind, roundTo } from './kindModule';

interface ModelState {
  name: string;
  accuracy: number;
  predictions: number;
  baseLatencySeconds: number;
  latencyMedianSeconds: number;
  lastRetrainMs: number;
  nextRetrainMs: number;
  lastAttemptMs: number;
  retrainFailures: number;
}

interface PredictiveOptimizerState {
  models: ModelState[];
  /**
   * Accuracy lost to skewed input features (the accuracy_drop scenario): every model scores that much worse
   * live while the models themselves, and their retrain schedule, are unchanged; 0 once the feed is fixed.
   */
  inputSkew: number;
}

/** The accuracy a model shows: its fitted accuracy less what skewed input costs it. */
const liveAccuracy = (model: ModelState, state: PredictiveOptimizerState) => clamp(model.accuracy - state.inputSkew, 0, 1);

export const RETRAIN_INTERVAL_MS = 30 * 60_000;
const RETRY_AFTER_FAILURE_MS = 5 * 60_000;
/** Below this accuracy a model is retrained at once rather than at its next scheduled time. */
export const ACCURACY_RETRAIN_THRESHOLD = 0.6;
const RETRAIN_FAILURE_PROBABILITY = 0.15;

export const predictiveOptimizer = defineKind({
  kind: 'predictive_optimizer',
  profile: {
    version: '3.1.2',
    requestsPerSecond: 60,
    latencyMedianSeconds: 0.005,
    latencySigma: 0.5,
    cpuSecondsPerRequest: 0.004,
    idleCpuSecondsPerSecond: 0.02,
    baseMemoryBytes: 1.4 * 1024 ** 3,
    memoryGrowthBytesPerSecond: 30_000,
    errorBurstsPerHour: 0.2,
  },
  createState: (rng, startMs): PredictiveOptimizerState => ({
    models: PREDICTION_MODELS.map((name, i) => ({
      name,
      accuracy: rng.between(0.72, 0.78),
      predictions: 0,
      baseLatencySeconds: 0.004 + 0.002 * i,
      latencyMedianSeconds: 0.004 + 0.002 * i,
      lastRetrainMs: startMs,
      // Stagger the models so they do not retrain in the same second.
      nextRetrainMs: startMs + RETRAIN_INTERVAL_MS * (0.5 + 0.25 * i),
      lastAttemptMs: startMs,
      retrainFailures: 0,
    })),
    inputSkew: 0,
  }),
  step(state, { rng, timeMs, process, fault }) {
    state.inputSkew = fault === 'accuracy_drop' ? Math.min(ACCURACY_DROP_CAP, state.inputSkew + ACCURACY_DROP_PER_SECOND) : 0;
    for (const model of state.models) {
      model.predictions += Math.round(process.requestsLastTick / state.models.length);
      // Concept drift: accuracy decays by ~0.05 per half hour, with noise.
      model.accuracy = clamp(model.accuracy - 0.000028 + 0.0004 * rng.normal(), 0.45, 0.92);
      model.latencyMedianSeconds = model.baseLatencySeconds * (0.7 + 0.3 * process.load);
      const belowThreshold = model.accuracy < ACCURACY_RETRAIN_THRESHOLD && timeMs >= model.lastAttemptMs + RETRY_AFTER_FAILURE_MS;
      if (timeMs >= model.nextRetrainMs || belowThreshold) {
        model.lastAttemptMs = timeMs;
        if (rng.chance(RETRAIN_FAILURE_PROBABILITY)) {
          model.retrainFailures++;
          process.errorCount++;
          model.nextRetrainMs = timeMs + RETRY_AFTER_FAILURE_MS;
        } else {
          // Fresh data: back to a well-fitted level, and never worse than the model it replaces.
          model.accuracy = Math.min(0.92, Math.max(rng.between(0.74, 0.82), model.accuracy + 0.01));
          model.lastRetrainMs = timeMs;
          model.nextRetrainMs = timeMs + RETRAIN_INTERVAL_MS;
        }
      }
    }
  },
  stats: (state, common) => ({
    ...common,
    models: Object.fromEntries(
      state.models.map((model) => [
        model.name,
        {
          accuracy: roundTo(liveAccuracy(model, state), 4),
          predictions_total: model.predictions,
          prediction_latency_seconds: latencyQuantiles({ medianSeconds: model.latencyMedianSeconds, sigma: 0.55 }),
          last_retrain_time: new Date(model.lastRetrainMs).toISOString(),
          retrain_failures_total: model.retrainFailures,
        },
      ]),
    ),
  }),
  performanceMetrics: (state) =>
    Object.fromEntries(state.models.map((model) => [`${model.name}_accuracy`, roundTo(liveAccuracy(model, state), 4)])),
  degradedReason: (state) =>
    state.models.some((model) => liveAccuracy(model, state) < ACCURACY_RETRAIN_THRESHOLD) ? 'model accuracy below threshold' : undefined,
});
