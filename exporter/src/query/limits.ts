// Caps that keep one dashboard (or one hostile client) from overloading the database or the browser.
export interface QueryLimits {
  /** Longest accepted time range. */
  maxRangeMs: number;
  /** maxDataPoints above this is clamped: no panel is wider than this many pixels. */
  maxDataPoints: number;
  /** Rows in a table or annotation frame; more are cut and flagged with a notice. */
  maxRows: number;
  /** Queries in one POST /query batch. */
  maxQueriesPerRequest: number;
  /** Values in one multi-value selection (symbols, strategies, …). */
  maxValuesPerSelection: number;
  /** JSON body limit, in express.json's notation. */
  maxBodyBytes: number;
  /** Per statement; on expiry the query answers 504. */
  statementTimeoutMs: number;
  /** work_mem per query: enough for a month of 1-minute candles of 20 symbols to aggregate without spilling to disk. */
  workMemMb: number;
  /** Client-side bound on one database read, pool checkout included: a frozen server answers 504 after this. */
  clientTimeoutMs: number;
  /** Token bucket per client: sustained requests per second and burst size. */
  ratePerSecond: number;
  rateBurst: number;
  /** Database reads in flight at once, all requests together (the pool has two more, for health and cancels). */
  maxConcurrentReads: number;
  /** Database reads in flight at once for one request: a big batch cannot take every slot. */
  maxConcurrentReadsPerRequest: number;
  /** Reads waiting for a slot, all requests together; beyond it a request answers 503 busy at once. */
  maxQueuedReads: number;
  /** How long a read may wait for a slot before its query answers 503 busy with Retry-After. */
  queueTimeoutMs: number;
  /** Values (fields x rows) in one query's frames; a query planned or found above it answers 422. */
  maxPointsPerQuery: number;
  /** Values in one answer, all queries together; queries beyond it answer 422. */
  maxPointsPerResponse: number;
  /** Bytes of one JSON answer, all queries together; queries beyond it answer 422. */
  maxResponseBytes: number;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxRangeMs: 5 * 366 * 86_400_000,
  maxDataPoints: 10_000,
  maxRows: 10_000,
  maxQueriesPerRequest: 26,
  maxValuesPerSelection: 100,
  maxBodyBytes: 256 * 1024,
  statementTimeoutMs: 10_000,
  workMemMb: 64,
  clientTimeoutMs: 12_000,
  ratePerSecond: 50,
  rateBurst: 100,
  maxConcurrentReads: 8,
  maxConcurrentReadsPerRequest: 4,
  maxQueuedReads: 256,
  queueTimeoutMs: 3_000,
  maxPointsPerQuery: 500_000,
  maxPointsPerResponse: 2_000_000,
  maxResponseBytes: 32 * 1024 * 1024,
};

const ENV_NAMES: Record<keyof QueryLimits, string> = {
  maxRangeMs: 'ALPHAPULSE_QUERY_MAX_RANGE_MS',
  maxDataPoints: 'ALPHAPULSE_QUERY_MAX_DATA_POINTS',
  maxRows: 'ALPHAPULSE_QUERY_MAX_ROWS',
  maxQueriesPerRequest: 'ALPHAPULSE_QUERY_MAX_QUERIES',
  maxValuesPerSelection: 'ALPHAPULSE_QUERY_MAX_VALUES',
  maxBodyBytes: 'ALPHAPULSE_QUERY_MAX_BODY_BYTES',
  statementTimeoutMs: 'ALPHAPULSE_QUERY_STATEMENT_TIMEOUT_MS',
  workMemMb: 'ALPHAPULSE_QUERY_WORK_MEM_MB',
  clientTimeoutMs: 'ALPHAPULSE_QUERY_CLIENT_TIMEOUT_MS',
  ratePerSecond: 'ALPHAPULSE_QUERY_RATE_PER_SECOND',
  rateBurst: 'ALPHAPULSE_QUERY_RATE_BURST',
  maxConcurrentReads: 'ALPHAPULSE_QUERY_MAX_CONCURRENT_READS',
  maxConcurrentReadsPerRequest: 'ALPHAPULSE_QUERY_MAX_CONCURRENT_READS_PER_REQUEST',
  maxQueuedReads: 'ALPHAPULSE_QUERY_MAX_QUEUED_READS',
  queueTimeoutMs: 'ALPHAPULSE_QUERY_QUEUE_TIMEOUT_MS',
  maxPointsPerQuery: 'ALPHAPULSE_QUERY_MAX_POINTS_PER_QUERY',
  maxPointsPerResponse: 'ALPHAPULSE_QUERY_MAX_POINTS_PER_RESPONSE',
  maxResponseBytes: 'ALPHAPULSE_QUERY_MAX_RESPONSE_BYTES',
};

/** The environment variable of each limit, for docs and error messages. */
export const LIMIT_ENV_NAMES: Readonly<Record<keyof QueryLimits, string>> = ENV_NAMES;

/** Defaults overridden by positive numbers from the environment; anything else there is a startup error. */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env, base: QueryLimits = DEFAULT_LIMITS): QueryLimits {
  const limits = { ...base };
  for (const key of Object.keys(ENV_NAMES) as (keyof QueryLimits)[]) {
    const raw = env[ENV_NAMES[key]]?.trim();
    if (!raw) continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${ENV_NAMES[key]} must be a positive number, got ${raw}`);
    limits[key] = value;
  }
  return limits;
}
