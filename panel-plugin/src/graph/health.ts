import { STATUS_SYNONYMS, UNKNOWN_STATUS } from '@alphapulse/contracts/constants';
import { HEALTH_STATES, type Health } from './types';

/** Numeric status → health: at or above `healthyFrom` healthy, at or above `degradedFrom` degraded, else down. */
export interface NumericHealthThresholds {
  healthyFrom: number;
  degradedFrom: number;
}

export const DEFAULT_NUMERIC_THRESHOLDS: NumericHealthThresholds = { healthyFrom: 1, degradedFrom: 0.5 };

/** Optional value mapping from the panel's field config: may rename a status and/or give it a colour. */
export type StatusMapper = (value: string | number) => { text?: string; color?: string } | undefined;

// The exporter's status words (one list, in the contract) plus what other panels' data may say.
const ALIASES: Record<string, Health> = {
  ...STATUS_SYNONYMS,
  green: 'healthy',
  [UNKNOWN_STATUS]: 'unknown',
};

export function healthFromText(text: string | undefined | null): Health | undefined {
  if (text === undefined || text === null) {
    return undefined;
  }
  return ALIASES[String(text).trim().toLowerCase()];
}

export function healthFromNumber(value: number, thresholds: NumericHealthThresholds): Health {
  if (!Number.isFinite(value)) {
    return 'unknown';
  }
  if (value >= thresholds.healthyFrom) {
    return 'healthy';
  }
  return value >= thresholds.degradedFrom ? 'degraded' : 'down';
}

/** Resolves a raw status (text or number), letting value mappings win over the built-in names and thresholds. */
export function resolveHealth(
  raw: unknown,
  thresholds: NumericHealthThresholds,
  mapStatus?: StatusMapper
): { health: Health; color?: string } {
  if (raw === null || raw === undefined || raw === '') {
    return { health: 'unknown' };
  }
  const mapped = mapStatus?.(raw as string | number);
  const mappedHealth = healthFromText(mapped?.text);
  if (mappedHealth) {
    return { health: mappedHealth, color: mapped?.color };
  }
  const asNumber = typeof raw === 'number' ? raw : Number(raw);
  const health =
    healthFromText(String(raw)) ??
    (typeof raw === 'number' || (String(raw).trim() !== '' && Number.isFinite(asNumber))
      ? healthFromNumber(asNumber, thresholds)
      : 'unknown');
  return { health, color: mapped?.color };
}

const SEVERITY: Record<Health, number> = { healthy: 0, unknown: 1, degraded: 2, down: 3 };

/** Combines the health of several instances of one service: all down → down, any trouble → degraded. */
export function combineInstanceHealth(states: Health[]): Health {
  const known = states.filter((state) => state !== 'unknown');
  if (known.length === 0) {
    return 'unknown';
  }
  if (known.every((state) => state === 'down')) {
    return 'down';
  }
  const worst = known.reduce((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a));
  return worst === 'healthy' ? 'healthy' : 'degraded';
}

export const isHealth = (value: string): value is Health => (HEALTH_STATES as readonly string[]).includes(value);
