import type { z } from 'zod';
import type { ServiceKind } from './constants';
import { MAX_PAYLOAD_BYTES } from './constants';
import { healthRecordSchema, type HealthRecord } from './health';
import { statsSchemas, type StatsByKind } from './stats';

export interface ContractIssue {
  /** Where in the payload, e.g. `models.random_forest.accuracy` or `buckets[3].count`. */
  path: string;
  message: string;
}

export type ContractResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: string; issues: ContractIssue[] };

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

function check<T>(schema: z.ZodType<T>, payload: unknown, what: string): ContractResult<T> {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
  const error = `${what}: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`;
  return { ok: false, error, issues };
}

export function validateHealthRecord(payload: unknown): ContractResult<HealthRecord> {
  return check(healthRecordSchema, payload, 'invalid health record');
}

export function validateStats<K extends ServiceKind>(kind: K, payload: unknown): ContractResult<StatsByKind[K]> {
  const schema = statsSchemas[kind] as unknown as z.ZodType<StatsByKind[K]>;
  return check(schema, payload, `invalid ${kind} stats`);
}

/** Parses a response body as JSON, refusing bodies over the size limit before parsing them. */
export function parseJsonBody(body: string, maxBytes = MAX_PAYLOAD_BYTES): ContractResult<unknown> {
  const bytes = new TextEncoder().encode(body).length;
  if (bytes > maxBytes) {
    const error = `body of ${bytes} bytes exceeds the ${maxBytes}-byte limit`;
    return { ok: false, error, issues: [{ path: '(root)', message: error }] };
  }
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (err) {
    const error = `body is not JSON: ${(err as Error).message}`;
    return { ok: false, error, issues: [{ path: '(root)', message: error }] };
  }
}
