// The "python" dialect: the same simulated numbers, written the way AlphaPulse's Python teams really write
// them (issue #10): naive `datetime.utcnow().isoformat()` times, NaN where a value is unknown, nested
// performance_metrics with strings and booleans in them, Decimal money and some counters as numeric
// strings, ints where floats are expected, extra fields, and each team's own spelling of the status.
// Pure: a contract payload in, a Python value out (written by pythonJson.ts).
import { SERVICE_KINDS, type HealthRecord, type ServiceKind, type ServiceStatus } from '@alphapulse/contracts';
import { hashLabel } from '../random';
import { pyFloat, pythonJsonDumps, type PyValue } from './pythonJson';

export const DIALECTS = ['contract', 'python'] as const;
export type Dialect = (typeof DIALECTS)[number];

export function isDialect(value: unknown): value is Dialect {
  return typeof value === 'string' && (DIALECTS as readonly string[]).includes(value);
}

/** How each team spells its status (every spelling is one the exporter is asked to normalise). */
export const PYTHON_STATUS_WORDS: Record<ServiceKind, Record<ServiceStatus, string>> = {
  pattern_storage: { healthy: 'OK', degraded: 'warning', down: 'critical' },
  retrieval_optimizer: { healthy: 'Healthy', degraded: 'Degraded', down: 'Down' },
  predictive_optimizer: { healthy: 'ok', degraded: 'warning', down: 'error' },
  analytics_dashboard: { healthy: 'up', degraded: 'degraded', down: 'down' },
  alerting_service: { healthy: 'HEALTHY', degraded: 'WARNING', down: 'CRITICAL' },
  distributed_processor: { healthy: 'OK', degraded: 'Warning', down: 'Error' },
  trading_engine: { healthy: 'Healthy', degraded: 'warning', down: 'critical' },
  risk_manager: { healthy: 'OK', degraded: 'DEGRADED', down: 'DOWN' },
  sentiment_service: { healthy: 'healthy', degraded: 'warning', down: 'error' },
};

/** A p95 over fewer samples than this (one second's requests) is unknown: the service writes NaN. */
export const MIN_SAMPLES_FOR_P95 = 20;
/** Money is a Decimal on the Python side, serialised as a string with its two places. */
const MONEY_FIELDS = new Set(['equity', 'realized_pnl', 'unrealized_pnl', 'total_equity']);
/** Counters kept as Python ints in Redis and read back as strings. */
const STRING_COUNTERS = new Set(['requests_total', 'storage_bytes', 'patterns_stored_total']);
const PYTHON_VERSION = '3.11.9';

/** `datetime.isoformat()` of a naive UTC datetime: no offset, microseconds only when there are some. */
export function pythonIsoformat(epochMicros: number): string {
  const seconds = Math.floor(epochMicros / 1e6);
  const micros = epochMicros - seconds * 1e6;
  const base = new Date(seconds * 1000).toISOString().slice(0, 19);
  return micros === 0 ? base : `${base}.${String(micros).padStart(6, '0')}`;
}

/**
 * A Python loop does not tick on whole seconds: the moment it stamped lies a fixed-per-second fraction
 * before the simulated one (never after, so a heartbeat is never in the future).
 */
export function pythonMoment(kind: ServiceKind, epochMs: number): number {
  if (epochMs % 1000 !== 0) return epochMs * 1000; // already off the whole second
  return epochMs * 1000 - (hashLabel(`${kind}@${epochMs}`) % 1_000_000);
}

/** A contract time the Python way. Moments the loop stamps itself (heartbeat, timestamp) get its offset. */
function naiveTime(kind: ServiceKind, iso: string, stampedByLoop: boolean): string {
  const ms = Date.parse(iso);
  return pythonIsoformat(stampedByLoop ? pythonMoment(kind, ms) : ms * 1000);
}
const money = (value: number): string => value.toFixed(2);
const hostIdentity = (kind: ServiceKind) => ({
  hostname: `${kind.replace(/_/g, '-')}-7f9c4d-0`,
  pid: 4100 + SERVICE_KINDS.indexOf(kind),
  python_version: PYTHON_VERSION,
});

/** Flat contract metrics the Python teams keep nested: key → path inside performance_metrics. */
const NESTED_METRICS: Partial<Record<ServiceKind, Record<string, string[]>>> = {
  pattern_storage: { workers_busy: ['workers', 'busy'] },
  retrieval_optimizer: { cache_hit_ratio: ['cache', 'hit_ratio'] },
  predictive_optimizer: {
    random_forest_accuracy: ['models', 'random_forest', 'accuracy'],
    gradient_boosting_accuracy: ['models', 'gradient_boosting', 'accuracy'],
  },
  distributed_processor: { queue_depth: ['queue', 'depth'] },
  trading_engine: { equity: ['portfolio', 'total_equity'], open_positions: ['portfolio', 'open_positions'] },
  risk_manager: { current_drawdown_ratio: ['drawdown', 'current'] },
  sentiment_service: {
    twitter_outage: ['sources', 'twitter', 'outage'],
    reddit_outage: ['sources', 'reddit', 'outage'],
    news_outage: ['sources', 'news', 'outage'],
  },
};

type PyObject = { [key: string]: PyValue };

function setPath(target: PyObject, path: string[], value: PyValue): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as PyObject;
  node[path[path.length - 1]] = value;
}

export function pythonPerformanceMetrics(kind: ServiceKind, metrics: Record<string, number>): PyObject {
  const { requests_per_second: rps, latency_p95_seconds: p95, load_factor: load, ...own } = metrics;
  const out: PyObject = {
    requests_per_second: rps,
    latency: { p95: rps >= MIN_SAMPLES_FOR_P95 ? p95 : NaN, window_seconds: 1 },
    load: { factor: load },
    mode: load > 1.2 ? 'throttled' : 'fast',
  };
  const nested = NESTED_METRICS[kind] ?? {};
  for (const [key, value] of Object.entries(own)) {
    const path = nested[key];
    let written: PyValue = value;
    if (key.endsWith('_outage')) written = value === 1; // a flag is a bool in Python
    else if (path && MONEY_FIELDS.has(path[path.length - 1])) written = money(value);
    if (path) setPath(out, path, written);
    else out[key] = written;
  }
  if (kind === 'distributed_processor') {
    // Time to drain the queue at this second's pace: float('inf') when nothing moves, nan when nothing waits either.
    const depth = metrics.queue_depth;
    setPath(out, ['queue', 'drain_seconds'], rps > 0 ? depth / rps : depth > 0 ? Infinity : NaN);
  }
  return out;
}

export function pythonHealth(record: HealthRecord): PyObject {
  const kind = record.service_name as ServiceKind;
  return {
    service_name: record.service_name,
    status: PYTHON_STATUS_WORDS[kind]?.[record.status] ?? record.status,
    uptime: pyFloat(record.uptime), // time.monotonic() differences are floats
    last_heartbeat: naiveTime(kind, record.last_heartbeat, true),
    error_count: record.error_count,
    warning_count: record.warning_count,
    dependencies: [...record.dependencies],
    performance_metrics: pythonPerformanceMetrics(kind, record.performance_metrics as Record<string, number>),
    ...hostIdentity(kind),
  };
}

function isLatency(value: PyObject): boolean {
  return 'p50' in value || 'buckets' in value;
}

/** Rewrites one stats value the Python way, by field name; arrays and objects recursively. */
function pythonStatsValue(kind: ServiceKind, key: string, value: unknown): PyValue {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((item) => pythonStatsValue(kind, key, item));
  if (typeof value === 'object') {
    const out: PyObject = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = pythonStatsValue(kind, k, v);
    // numpy.percentile of no samples is nan.
    if (isLatency(out) && out.count === 0) for (const q of ['p50', 'p95', 'p99']) if (q in out) out[q] = NaN;
    return out;
  }
  if (typeof value === 'string') {
    if (key === 'timestamp') return naiveTime(kind, value, true);
    return key.endsWith('_time') ? naiveTime(kind, value, false) : value;
  }
  if (typeof value === 'number') {
    if (MONEY_FIELDS.has(key)) return money(value);
    if (STRING_COUNTERS.has(key)) return String(value);
    if (key === 'cpu_seconds_total') return Math.floor(value); // int(process.cpu_times().user + .system)
    return value;
  }
  return value as PyValue;
}

export function pythonStats(kind: ServiceKind, stats: Record<string, unknown>): PyObject {
  const out = pythonStatsValue(kind, '', stats) as PyObject;
  const requests = typeof stats.requests_total === 'number' ? stats.requests_total : 0;
  return {
    ...out,
    ...hostIdentity(kind),
    // gc.get_stats()-style collections per generation: a list, which no metric family takes.
    gc_collections: [Math.floor(requests / 700), Math.floor(requests / 7_000), Math.floor(requests / 70_000)],
  };
}

/** The body a service in `dialect` answers for a contract payload. */
export function encodePayload(dialect: Dialect, kind: ServiceKind, path: '/health' | '/stats', payload: unknown): string {
  if (dialect === 'contract') return JSON.stringify(payload);
  const value = path === '/health' ? pythonHealth(payload as HealthRecord) : pythonStats(kind, payload as Record<string, unknown>);
  return pythonJsonDumps(value);
}
