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
  /** Token bucket per client: sustained requests per second and burst size. */
  ratePerSecond: number;
  rateBurst: number;
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
  ratePerSecond: 50,
  rateBurst: 100,
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
  ratePerSecond: 'ALPHAPULSE_QUERY_RATE_PER_SECOND',
  rateBurst: 'ALPHAPULSE_QUERY_RATE_BURST',
};

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
