// Validation of POST /faults bodies: pure, so every bad input has a test and a precise message.
import { SERVICE_KINDS, isServiceKind } from '@alphapulse/contracts';
import { FAULT_MODES, MAX_SLOW_DELAY_SECONDS, MAX_STALLED_FOR_SECONDS, SCENARIO_SCOPE, isFaultMode, isScenarioFaultMode } from './faultModes';
import type { FaultRequest } from './faultStore';

export type ParseResult = { ok: true; request: FaultRequest } | { ok: false; field: string; error: string };

const KNOWN_FIELDS = ['service', 'mode', 'durationSeconds', 'delaySeconds', 'stalledForSeconds'];
/** A fault lasts at most a week; longer is surely a unit mistake (milliseconds for seconds). */
const MAX_DURATION_SECONDS = 7 * 24 * 3600;

const fail = (field: string, error: string): ParseResult => ({ ok: false, field, error });

function positiveSeconds(value: unknown, max: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= max;
}

export function parseFaultRequest(body: unknown): ParseResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail('(body)', 'the body must be a JSON object like {"service": "trading_engine", "mode": "down"}');
  }
  const fields = body as Record<string, unknown>;
  // Unknown fields are refused so a typo ("duration") does not silently make a fault permanent.
  const unknown = Object.keys(fields).find((key) => !KNOWN_FIELDS.includes(key));
  if (unknown !== undefined) return fail(unknown, `unknown field "${unknown}"; known fields: ${KNOWN_FIELDS.join(', ')}`);
  const { service, mode, durationSeconds, delaySeconds, stalledForSeconds } = fields;
  if (service === undefined) return fail('service', 'service is required');
  if (typeof service !== 'string' || !isServiceKind(service)) {
    return fail('service', `unknown service ${JSON.stringify(service)}; expected one of ${SERVICE_KINDS.join(', ')}`);
  }
  if (mode === undefined) return fail('mode', 'mode is required');
  if (!isFaultMode(mode)) return fail('mode', `unknown mode ${JSON.stringify(mode)}; expected one of ${FAULT_MODES.join(', ')}`);
  if (isScenarioFaultMode(mode)) {
    const scope = SCENARIO_SCOPE[mode];
    if (scope.kinds && !scope.kinds.includes(service)) {
      return fail(
        'mode',
        `mode "${mode}" moves ${scope.field}, which only ${scope.kinds.join(', ')} reports; it does not apply to ${service}`,
      );
    }
  }
  if (durationSeconds !== undefined && !positiveSeconds(durationSeconds, MAX_DURATION_SECONDS)) {
    return fail('durationSeconds', `durationSeconds must be a number of seconds in (0, ${MAX_DURATION_SECONDS}]`);
  }
  if (delaySeconds !== undefined) {
    if (mode !== 'slow') return fail('delaySeconds', 'delaySeconds only applies to mode "slow"');
    if (!positiveSeconds(delaySeconds, MAX_SLOW_DELAY_SECONDS)) {
      return fail('delaySeconds', `delaySeconds must be a number of seconds in (0, ${MAX_SLOW_DELAY_SECONDS}]`);
    }
  }
  if (stalledForSeconds !== undefined) {
    if (mode !== 'stale_heartbeat') return fail('stalledForSeconds', 'stalledForSeconds only applies to mode "stale_heartbeat"');
    if (!positiveSeconds(stalledForSeconds, MAX_STALLED_FOR_SECONDS)) {
      return fail('stalledForSeconds', `stalledForSeconds must be a number of seconds in (0, ${MAX_STALLED_FOR_SECONDS}]`);
    }
  }
  return {
    ok: true,
    request: {
      service,
      mode,
      ...(durationSeconds !== undefined && { durationSeconds: durationSeconds as number }),
      ...(delaySeconds !== undefined && { delaySeconds: delaySeconds as number }),
      ...(stalledForSeconds !== undefined && { stalledForSeconds: stalledForSeconds as number }),
    },
  };
}
