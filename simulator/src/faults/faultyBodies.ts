// Bodies for the "malformed" and "oversized" faults: what a buggy service might really send.
import { MAX_PAYLOAD_BYTES } from '@alphapulse/contracts';

/**
 * Alternates between JSON cut off mid-way and well-formed JSON with wrong types, so consumers must
 * handle both a parse failure and a contract failure.
 */
export function malformedBody(validPayload: Record<string, unknown>, attempt: number): string {
  const json = JSON.stringify(validPayload);
  if (attempt % 2 === 0) return json.slice(0, Math.max(1, Math.floor(json.length / 2)));
  const wrongTypes: Record<string, unknown> = { ...validPayload };
  for (const key of Object.keys(wrongTypes)) {
    const value = wrongTypes[key];
    if (typeof value === 'number') wrongTypes[key] = `${value}`; // numbers as strings
    else if (key === 'status') wrongTypes[key] = 'fine';
    else if (key === 'timestamp' || key === 'last_heartbeat') wrongTypes[key] = 'yesterday';
  }
  return JSON.stringify(wrongTypes);
}

/** A valid payload padded (with an extra field, allowed by the contract) to just over the size limit. */
export function oversizedBody(validPayload: Record<string, unknown>): string {
  const padding = 'x'.repeat(MAX_PAYLOAD_BYTES + 1024);
  return JSON.stringify({ ...validPayload, debug_dump: padding });
}
