// The faults the control API can inject, and what each one means for a service.

export const FAULT_MODES = ['down', 'hung', 'slow', 'errors', 'malformed', 'oversized', 'degraded'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export function isFaultMode(value: unknown): value is FaultMode {
  return typeof value === 'string' && (FAULT_MODES as readonly string[]).includes(value);
}

/** How long a "slow" service takes to answer unless told otherwise. */
export const DEFAULT_SLOW_DELAY_SECONDS = 5;
export const MAX_SLOW_DELAY_SECONDS = 600;
