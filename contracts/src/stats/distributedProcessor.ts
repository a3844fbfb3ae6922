import { z } from 'zod';
import { count, latencySchema, ratio } from '../common';
import { commonStatsShape } from './common';

export const workerPoolSchema = z
  .looseObject({
    workers_busy: count,
    workers_total: count,
  })
  .refine((pool) => pool.workers_busy <= pool.workers_total, {
    message: 'workers_busy cannot exceed workers_total',
    path: ['workers_busy'],
  });

export const distributedProcessorStatsSchema = z.looseObject({
  ...commonStatsShape,
  /** Keyed by pool kind: thread, process. */
  pools: z.record(z.string().min(1), workerPoolSchema),
  queue_depth: count,
  tasks_completed_total: count,
  tasks_failed_total: count,
  task_latency_seconds: latencySchema,
  /** (busiest − idlest worker load) / busiest, 0 when perfectly balanced. */
  load_imbalance_ratio: ratio,
});
export type DistributedProcessorStats = z.infer<typeof distributedProcessorStatsSchema>;
