// The faults the control API can inject, and what each one means for a service.
import type { ServiceKind } from '@alphapulse/contracts';

/** The contract's fault modes: they break how a service answers (or whether it does). */
export const CONTRACT_FAULT_MODES = ['down', 'hung', 'slow', 'errors', 'malformed', 'oversized', 'degraded'] as const;

/**
 * Scenario modes: the service keeps answering valid contract payloads, but what it reports drifts into an
 * alert condition (one mode per condition the alert rules watch on service metrics).
 */
export const SCENARIO_FAULT_MODES = [
  'error_burst',
  'latency_spike',
  'stale_heartbeat',
  'memory_leak',
  'queue_backlog',
  'accuracy_drop',
  'drawdown',
] as const;

export const FAULT_MODES = [...CONTRACT_FAULT_MODES, ...SCENARIO_FAULT_MODES] as const;
export type FaultMode = (typeof FAULT_MODES)[number];
export type ScenarioFaultMode = (typeof SCENARIO_FAULT_MODES)[number];

export function isFaultMode(value: unknown): value is FaultMode {
  return typeof value === 'string' && (FAULT_MODES as readonly string[]).includes(value);
}

export function isScenarioFaultMode(value: unknown): value is ScenarioFaultMode {
  return typeof value === 'string' && (SCENARIO_FAULT_MODES as readonly string[]).includes(value);
}

/**
 * Which kinds a scenario mode applies to (undefined = every kind) and the payload field it moves, so a
 * refusal can say why.
 */
export const SCENARIO_SCOPE: Record<ScenarioFaultMode, { kinds?: readonly ServiceKind[]; field: string }> = {
  error_burst: { field: 'error_count' },
  latency_spike: { field: 'latency_seconds' },
  stale_heartbeat: { field: 'last_heartbeat' },
  memory_leak: { field: 'resident_memory_bytes' },
  queue_backlog: { kinds: ['distributed_processor'], field: 'queue_depth' },
  accuracy_drop: { kinds: ['predictive_optimizer'], field: 'models.*.accuracy' },
  drawdown: { kinds: ['risk_manager'], field: 'current_drawdown_ratio' },
};

/** How long a "slow" service takes to answer unless told otherwise. */
export const DEFAULT_SLOW_DELAY_SECONDS = 5;
export const MAX_SLOW_DELAY_SECONDS = 600;
/** stale_heartbeat's `stalledForSeconds`: how long the loop had already been stuck when the fault is set. */
export const MAX_STALLED_FOR_SECONDS = 24 * 3600;

// Scenario dynamics, chosen against the alert thresholds in dashboards/src/alerting/rules.ts.
/** error_burst: share of each second's requests that fail (HighErrorRate fires above 5 %). */
export const ERROR_BURST_FAILURE_RATIO = 0.6;
/** latency_spike: median request latency while it lasts (HighLatency fires on a p95 above 1 s). */
export const LATENCY_SPIKE_MEDIAN_SECONDS = 1.5;
/** memory_leak: bytes leaked per second, never collected (HighMemory fires above 3 GiB). */
export const MEMORY_LEAK_BYTES_PER_SECOND = 256 * 1024 * 1024;
/** The leak stops growing here (where the kernel's OOM killer would have struck). */
export const MEMORY_LEAK_CAP_BYTES = 8 * 1024 ** 3;
/** queue_backlog: extra tasks arriving per second, far beyond the pools' ~270 tasks/s (QueueBacklog: 5,000). */
export const QUEUE_FLOOD_TASKS_PER_SECOND = 1_000;
/** accuracy_drop: accuracy lost per second on skewed input, up to the cap (ModelAccuracyDrop: 10 points). */
export const ACCURACY_DROP_PER_SECOND = 0.02;
export const ACCURACY_DROP_CAP = 0.3;
/** drawdown: mark-down of the market's equity per second, up to the cap (DrawdownOverLimit: 15 %). */
export const DRAWDOWN_SHOCK_PER_SECOND = 0.02;
export const DRAWDOWN_SHOCK_CAP = 0.3;
