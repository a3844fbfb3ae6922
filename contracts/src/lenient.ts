// The lenient reading of a payload: strict where it matters (a health record needs a service name and a status),
// lenient everywhere else. Each known field is judged on its own against the same zod schema the strict
// contract uses; a bad field is dropped and counted, never the record. Pure and total: never throws.
import type { z } from 'zod';
import { SERVICE_STATUSES, STATUS_SYNONYMS, UNKNOWN_STATUS, type ServiceKind, type ServiceStatus } from './constants';
import { healthRecordSchema } from './health';
import { statsSchemas, type StatsByKind } from './stats';
import { parseServiceTime } from './time';

export const FIELD_ERROR_REASONS = [
  'missing',
  'wrong_type',
  'out_of_range',
  'non_finite',
  'bad_time',
  'unknown_status',
  'not_numeric',
  'too_deep',
  'over_limit',
  'invalid_shape',
] as const;
export type FieldErrorReason = (typeof FIELD_ERROR_REASONS)[number];

/** What each reason of alphapulse_target_field_errors means (docs/contract.md). */
export const FIELD_ERROR_REASON_HELP: Record<FieldErrorReason, string> = {
  missing: 'a field the contract lists is absent or null',
  wrong_type: 'a field has a type that cannot be read as the contract\'s (e.g. `"lots"` for a number, an object for a list), or an unknown enum value',
  out_of_range: 'a number outside its range (a negative counter, a ratio of 90, a fractional count), or an empty name',
  non_finite: 'NaN or ±Infinity in a counter (`*_total`, `error_count`, `warning_count`, `requests`, `errors`, histogram `count`/`sum`), where it has no meaning',
  bad_time: 'a time that is neither ISO-8601 nor epoch seconds/milliseconds',
  unknown_status: 'a status word we do not know; the record counts as answered with status `unknown`',
  not_numeric: 'a string or a list inside `performance_metrics`',
  too_deep: 'a `performance_metrics` object nested deeper than the depth cap',
  over_limit: 'a `performance_metrics` name longer than the cap, or past the count cap',
  invalid_shape: 'an object that breaks a cross-field rule (histogram buckets not cumulative, busy > total workers); dropped whole',
};

export interface FieldIssue {
  path: string;
  reason: FieldErrorReason;
}

/** Dropped fields of one payload: counts by reason, and the first few paths for logs and tests. */
export class FieldIssues {
  readonly counts: Partial<Record<FieldErrorReason, number>> = {};
  readonly examples: FieldIssue[] = [];
  constructor(private readonly maxExamples = 20) {}
  add(path: string, reason: FieldErrorReason, times = 1): void {
    if (times <= 0) return;
    this.counts[reason] = (this.counts[reason] ?? 0) + times;
    if (this.examples.length < this.maxExamples) this.examples.push({ path, reason });
  }
  get total(): number {
    return Object.values(this.counts).reduce((sum, n) => sum + (n ?? 0), 0);
  }
}

/** What survives the lenient reading: the contract's shape with every field optional. */
export type Lenient<T> = T extends readonly (infer E)[] ? Lenient<E>[] : T extends object ? { [K in keyof T]?: Lenient<T[K]> } : T;

// Status words and the unknown state are zod-free constants (constants.ts), so the panel reads the same list.
export { STATUS_SYNONYMS, UNKNOWN_STATUS };
export type ReportedStatus = ServiceStatus | typeof UNKNOWN_STATUS;
export const REPORTED_STATUSES: readonly ReportedStatus[] = [...SERVICE_STATUSES, UNKNOWN_STATUS];

export function normaliseStatus(value: string): ReportedStatus {
  return STATUS_SYNONYMS[value.trim().toLowerCase()] ?? UNKNOWN_STATUS;
}

const DROP = Symbol('drop');
type Read = unknown | typeof DROP;

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  values?: unknown[];
  entries?: Record<string, unknown>;
  format?: string;
  checks?: unknown[];
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NON_FINITE_WORDS: Readonly<Record<string, number>> = { nan: NaN, inf: Infinity, '+inf': Infinity, infinity: Infinity, '+infinity': Infinity, '-inf': -Infinity, '-infinity': -Infinity };

/** A number as Python may write it: a number, a numeric string ("42", "nan", "inf"), or a boolean (0/1). */
export function coerceNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'string' || value.length > 64) return undefined;
  const text = value.trim();
  if (NUMERIC.test(text)) return Number(text);
  return NON_FINITE_WORDS[text.toLowerCase()];
}

const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`);
/** Counters (totals since start) have no meaningful NaN, infinity or boolean; gauges may have them. */
const COUNTER_FIELDS = new Set(['count', 'sum', 'error_count', 'warning_count', 'requests', 'errors']);
const isCounterField = (key: string) => key.endsWith('_total') || COUNTER_FIELDS.has(key);

function readNumber(schema: z.ZodType, value: unknown, path: string, key: string, issues: FieldIssues): Read {
  // A boolean reads as 0/1 where a gauge fits (connected, enabled); a counter of `true` means nothing.
  const number = typeof value === 'boolean' && isCounterField(key) ? undefined : coerceNumber(value);
  if (number === undefined) return issues.add(path, 'wrong_type'), DROP;
  if (!Number.isFinite(number)) {
    if (isCounterField(key)) return issues.add(path, 'non_finite'), DROP;
    return number;
  }
  if (!schema.safeParse(number).success) return issues.add(path, 'out_of_range'), DROP;
  return number;
}

function readString(schema: z.ZodType, value: unknown, path: string, key: string, issues: FieldIssues): Read {
  if (defOf(schema).format === 'datetime') {
    const ms = parseServiceTime(value);
    if (ms === undefined) return issues.add(path, 'bad_time'), DROP;
    return new Date(ms).toISOString();
  }
  // A version written as a number (2.4) is still a version.
  const text = key === 'version' && typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string') return issues.add(path, 'wrong_type'), DROP;
  if (!schema.safeParse(text).success) return issues.add(path, 'out_of_range'), DROP;
  return text;
}

function readLiteral(def: Def, value: unknown, path: string, issues: FieldIssues): Read {
  for (const literal of def.values ?? []) {
    if (value === literal) return literal;
    // "+Inf" bucket bounds written as float('inf') or "inf".
    if (literal === '+Inf' && (value === Infinity || (typeof value === 'string' && coerceNumber(value) === Infinity))) return literal;
  }
  return issues.add(path, 'wrong_type'), DROP;
}

/** Reads `value` against `schema`; every field that does not fit is dropped and counted in `issues`. */
export function readLenient(schema: z.ZodType, value: unknown, path: string, issues: FieldIssues, key = ''): Read {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
      return readLenient(def.innerType!, value, path, issues, key);
    case 'number':
      return readNumber(schema, value, path, key, issues);
    case 'string':
      return readString(schema, value, path, key, issues);
    case 'boolean':
      return typeof value === 'boolean' ? value : (issues.add(path, 'wrong_type'), DROP);
    case 'literal':
      return readLiteral(def, value, path, issues);
    case 'enum': {
      const options = Object.values(def.entries ?? {});
      const text = typeof value === 'string' ? value.trim().toLowerCase() : value;
      return options.includes(text) ? text : (issues.add(path, 'wrong_type'), DROP);
    }
    case 'union': {
      // Literals first, so float('inf') becomes the "+Inf" bound rather than an infinite number.
      const options = [...(def.options ?? [])].sort((a, b) => Number(defOf(b).type === 'literal') - Number(defOf(a).type === 'literal'));
      for (const option of options) {
        const probe = new FieldIssues(0);
        const read = readLenient(option, value, path, probe, key);
        if (read !== DROP) return read;
      }
      return issues.add(path, 'wrong_type'), DROP;
    }
    case 'array': {
      if (!Array.isArray(value)) return issues.add(path, 'wrong_type'), DROP;
      const out: unknown[] = [];
      value.forEach((element, index) => {
        if (element === null || element === undefined) return;
        const read = readLenient(def.element!, element, join(path, index), issues, key);
        if (read !== DROP) out.push(read);
      });
      return out;
    }
    case 'record': {
      if (!isPlainObject(value)) return issues.add(path, 'wrong_type'), DROP;
      const out: Record<string, unknown> = {};
      for (const [name, entry] of Object.entries(value)) {
        if (entry === null || entry === undefined) continue;
        if (name.trim() === '') {
          issues.add(join(path, name), 'out_of_range');
          continue;
        }
        const read = readLenient(def.valueType!, entry, join(path, name), issues, name);
        if (read !== DROP) out[name] = read;
      }
      return out;
    }
    case 'object':
      return readObject(schema, def, value, path, issues);
    default:
      return value;
  }
}

function isOptional(schema: z.ZodType): boolean {
  const type = defOf(schema).type;
  return type === 'optional' || type === 'default' || type === 'prefault' || type === 'nullable';
}

function withoutNonFinite(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNonFinite);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) if (!(typeof entry === 'number' && !Number.isFinite(entry))) out[key] = withoutNonFinite(entry);
  return out;
}

function readObject(schema: z.ZodType, def: Def, value: unknown, path: string, issues: FieldIssues): Read {
  if (!isPlainObject(value)) return issues.add(path, 'wrong_type'), DROP;
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(def.shape ?? {})) {
    const raw = value[name];
    if (raw === undefined || raw === null) {
      // null is "no value": skipped, like an absent field; only a required one counts as missing.
      if (!isOptional(field)) issues.add(join(path, name), 'missing');
      continue;
    }
    const read = readLenient(field, raw, join(path, name), issues, name);
    if (read !== DROP) out[name] = read;
  }
  // Cross-field rules (cumulative buckets, busy ≤ total, …): a sub-object that breaks one is dropped whole.
  if (def.checks?.length) {
    let broken: boolean;
    try {
      // Without its NaN/Inf gauges, which the strict schema refuses and which would make zod skip the refinements.
      const parsed = schema.safeParse(withoutNonFinite(out));
      broken = !parsed.success && parsed.error.issues.some((issue) => issue.code === 'custom');
    } catch {
      broken = true; // a refinement that throws on odd input is a broken shape, never a crashed scrape
    }
    if (broken) return issues.add(path || '(root)', 'invalid_shape'), DROP;
  }
  return out;
}

export interface FlattenLimits {
  /** Nesting levels below performance_metrics that are followed (1 = flat). */
  maxDepth: number;
  /** Leaves kept at most; the rest are counted as over_limit. */
  maxMetrics: number;
  /** Longest flattened name kept. */
  maxNameLength: number;
}
export const DEFAULT_FLATTEN_LIMITS: FlattenLimits = { maxDepth: 4, maxMetrics: 1000, maxNameLength: 128 };

/**
 * The one rule for performance_metrics: numbers (and numeric strings, booleans as 0/1) become metrics named by
 * their path, segments joined with "." (`{"cache": {"hit_ratio": 0.9}}` → `cache.hit_ratio`); null is skipped;
 * strings and lists are skipped and counted as not_numeric; deeper than maxDepth counted as too_deep.
 */
export function flattenPerformanceMetrics(value: unknown, issues: FieldIssues, limits: FlattenLimits = DEFAULT_FLATTEN_LIMITS, base = 'performance_metrics'): Record<string, number> {
  const out: Record<string, number> = {};
  let kept = 0;
  const walk = (node: Record<string, unknown>, prefix: string, depth: number) => {
    for (const [key, entry] of Object.entries(node)) {
      if (entry === null || entry === undefined) continue;
      const name = prefix === '' ? key : `${prefix}.${key}`;
      const path = `${base}.${name}`;
      if (isPlainObject(entry)) {
        if (depth >= limits.maxDepth) issues.add(path, 'too_deep');
        else walk(entry, name, depth + 1);
        continue;
      }
      const number = Array.isArray(entry) ? undefined : coerceNumber(entry);
      if (number === undefined) issues.add(path, 'not_numeric');
      else if (name.length > limits.maxNameLength || key === '' || kept >= limits.maxMetrics) issues.add(path, 'over_limit');
      else {
        out[name] = number;
        kept += 1;
      }
    }
  };
  if (isPlainObject(value)) walk(value, '', 1);
  else issues.add(base, 'wrong_type');
  return out;
}

/** A health record as read leniently: service name and status are sure, every other field may be absent. */
export interface LenientHealthRecord {
  service_name: string;
  status: ReportedStatus;
  /** The status word as the service wrote it. */
  reported_status?: string;
  uptime?: number;
  /** Normalised to ISO-8601 UTC ("Z"). */
  last_heartbeat?: string;
  error_count?: number;
  warning_count?: number;
  dependencies?: string[];
  /** Flattened: dotted path → number. */
  performance_metrics?: Record<string, number>;
}

export type LenientResult<T> = { ok: true; value: T; issues: FieldIssues } | { ok: false; error: string };

/** A health record is answered when it is an object with a service name and a status; the rest is optional. */
export function readHealthRecord(payload: unknown, flatten: FlattenLimits = DEFAULT_FLATTEN_LIMITS): LenientResult<LenientHealthRecord> {
  if (!isPlainObject(payload)) return { ok: false, error: 'not a health record: the body is not a JSON object' };
  const { service_name: name, status } = payload;
  if (typeof name !== 'string' || name.trim() === '') return { ok: false, error: 'not a health record: service_name is missing or not a non-empty string' };
  if (typeof status !== 'string' || status.trim() === '') return { ok: false, error: 'not a health record: status is missing or not a string' };
  const issues = new FieldIssues();
  const normalised = normaliseStatus(status);
  if (normalised === UNKNOWN_STATUS) issues.add('status', 'unknown_status');
  const { service_name: _name, status: _status, performance_metrics: _metrics, ...rest } = healthRecordSchema.shape;
  const record: Record<string, unknown> = { service_name: name.trim(), status: normalised, reported_status: status };
  for (const [field, schema] of Object.entries(rest)) {
    const raw = payload[field];
    if (raw === undefined || raw === null) {
      issues.add(field, 'missing');
      continue;
    }
    const read = readLenient(schema as z.ZodType, raw, field, issues, field);
    if (read !== DROP) record[field] = read;
  }
  if (payload.performance_metrics === undefined || payload.performance_metrics === null) issues.add('performance_metrics', 'missing');
  else record.performance_metrics = flattenPerformanceMetrics(payload.performance_metrics, issues, flatten);
  return { ok: true, value: record as unknown as LenientHealthRecord, issues };
}

export type LenientStats<K extends ServiceKind> = Lenient<StatsByKind[K]>;

/** /stats of one kind: any JSON object is read; each known field is taken when present and well-typed. */
export function readStats<K extends ServiceKind>(kind: K, payload: unknown): LenientResult<LenientStats<K>> {
  if (!isPlainObject(payload)) return { ok: false, error: `not ${kind} stats: the body is not a JSON object` };
  const issues = new FieldIssues();
  const read = readLenient(statsSchemas[kind] as unknown as z.ZodType, payload, '', issues);
  if (read === DROP) return { ok: false, error: `not ${kind} stats: ${issues.examples.map((i) => `${i.path}: ${i.reason}`).join('; ')}` };
  return { ok: true, value: read as LenientStats<K>, issues };
}
