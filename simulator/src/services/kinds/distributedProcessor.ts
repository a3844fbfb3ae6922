// distributed_processor: thread and process worker pools draining a task queue that arrives in waves.
import { QUEUE_FLOOD_TASKS_PER_SECOND } from '../../faults/faultModes';
import { latencyQuantiles } from '../latencyHistogram';
import { clamp, defineKind, roundTo } from './kindModule';

interface Pool {
  name: 'thread' | 'process';
  total: number;
  busy: number;
  /** Tasks a busy worker finishes per second. */
  throughput: number;
}

interface DistributedProcessorState {
  pools: Pool[];
  queueDepth: number;
  completed: number;
  failed: number;
  taskMedianSeconds: number;
  imbalance: number;
  /**
   * The queue_backlog scenario: tasks from a runaway producer, queued on top of the real work and beyond
   * anything the pools can take; clearing the fault purges them, as an operator dropping the job would.
   */
  runawayTasks: number;
}

/** Period of the queue waves: batch jobs arrive roughly every quarter hour. */
const WAVE_PERIOD_MS = 15 * 60_000;
/** A backlog above this is reported as degraded. */
export const QUEUE_BACKLOG_THRESHOLD = 5_000;

/** Tasks waiting, the runaway producer's included. */
const queued = (state: DistributedProcessorState) => state.queueDepth + state.runawayTasks;

export const distributedProcessor = defineKind({
  kind: 'distributed_processor',
  profile: {
    version: '4.0.0',
    requestsPerSecond: 90,
    latencyMedianSeconds: 0.004,
    latencySigma: 0.5,
    cpuSecondsPerRequest: 0.01,
    idleCpuSecondsPerSecond: 0.05,
    baseMemoryBytes: 900 * 1024 * 1024,
    memoryGrowthBytesPerSecond: 20_000,
    errorBurstsPerHour: 0.25,
  },
  createState: (): DistributedProcessorState => ({
    pools: [
      { name: 'thread', total: 16, busy: 0, throughput: 12 },
      { name: 'process', total: 4, busy: 0, throughput: 20 },
    ],
    queueDepth: 0,
    completed: 0,
    failed: 0,
    taskMedianSeconds: 0.035,
    imbalance: 0.1,
    runawayTasks: 0,
  }),
  step(state, { rng, timeMs, process, fault }) {
    const wave = Math.max(0, Math.sin((2 * Math.PI * timeMs) / WAVE_PERIOD_MS)) ** 3;
    const arrivals = rng.poisson(process.load * (90 + 120 * wave));
    state.queueDepth += arrivals;
    // No random numbers drawn for the flood: the real work goes on exactly as without it.
    state.runawayTasks = fault === 'queue_backlog' ? state.runawayTasks + QUEUE_FLOOD_TASKS_PER_SECOND : 0;
    let done = 0;
    for (const pool of state.pools) {
      const wanted = Math.ceil(state.queueDepth / pool.throughput / state.pools.length);
      pool.busy = clamp(wanted, 0, pool.total);
      const capacity = Math.round(pool.busy * pool.throughput * rng.between(0.8, 1.1));
      const taken = Math.min(capacity, state.queueDepth);
      state.queueDepth -= taken;
      done += taken;
    }
    const failures = rng.poisson(done * 0.0005);
    state.failed += failures;
    state.completed += done - failures;
    // Little's law: time in the system grows with the backlog.
    const servicePerSecond = state.pools.reduce((sum, pool) => sum + pool.total * pool.throughput, 0);
    state.taskMedianSeconds = 0.03 + queued(state) / servicePerSecond;
    // Imbalance is worst when there is little work to spread.
    const utilisation = state.pools.reduce((s, p) => s + p.busy, 0) / state.pools.reduce((s, p) => s + p.total, 0);
    state.imbalance = clamp(0.9 * state.imbalance + 0.1 * (0.35 - 0.3 * utilisation + 0.05 * rng.normal()), 0, 1);
  },
  stats: (state, common) => ({
    ...common,
    pools: Object.fromEntries(
      state.pools.map((pool) => [pool.name, { workers_busy: state.runawayTasks > 0 ? pool.total : pool.busy, workers_total: pool.total }]),
    ),
    queue_depth: queued(state),
    tasks_completed_total: state.completed,
    tasks_failed_total: state.failed,
    task_latency_seconds: latencyQuantiles({ medianSeconds: state.taskMedianSeconds, sigma: 0.7 }),
    load_imbalance_ratio: roundTo(state.imbalance, 4),
  }),
  performanceMetrics: (state) => ({ queue_depth: queued(state) }),
  degradedReason: (state) => (queued(state) > QUEUE_BACKLOG_THRESHOLD ? 'task queue backlog' : undefined),
});
