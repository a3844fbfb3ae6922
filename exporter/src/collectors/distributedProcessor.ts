import { DISTRIBUTED_PROCESSOR_METRICS as M } from '../metrics/catalogue';
import { defineCollector, guardedEntries } from './kindCollector';
import { addLatency } from './latency';

export const distributedProcessorCollector = defineCollector({
  kind: 'distributed_processor',
  collect(stats, target, set, guard) {
    for (const [pool, workers] of guardedEntries(stats.pools, 'pool', guard)) {
      set.add(M.workersBusy, { ...target, pool }, workers?.workers_busy);
      set.add(M.workers, { ...target, pool }, workers?.workers_total);
    }
    set.add(M.queueDepth, target, stats.queue_depth);
    set.add(M.tasksCompleted, target, stats.tasks_completed_total);
    set.add(M.tasksFailed, target, stats.tasks_failed_total);
    addLatency(set, M.taskDuration, M.taskLatency, stats.task_latency_seconds, target);
    set.add(M.loadImbalance, target, stats.load_imbalance_ratio);
  },
});
