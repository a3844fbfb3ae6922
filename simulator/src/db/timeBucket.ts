// Pure SQL builders for time bucketing, so readers write one query for TimescaleDB and plain PostgreSQL.
import { AGGREGATES, TABLES } from './schema';

export interface DatabaseCapabilities {
  /** The timescaledb extension is installed in this database. */
  timescaledb: boolean;
}

/** Fixed origin for date_bin: UTC midnight, the same alignment time_bucket uses for hour and day buckets. */
export const DATE_BIN_ORIGIN = '2000-01-01 00:00:00+00';

const INTERVAL_LITERAL = /^\d+ (microsecond|millisecond|second|minute|hour|day|week)s?$/;
const PLACEHOLDER = /^\$\d+$/;
const IDENTIFIER = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

/**
 * SQL expression bucketing `column` by `interval`: `time_bucket(...)` with TimescaleDB, `date_bin(...)` otherwise.
 * `interval` is either a literal such as '5 minutes' (validated, so it is safe to inline) or a bind placeholder
 * such as '$3' whose parameter is an interval string.
 */
export function bucketExpression(capabilities: DatabaseCapabilities, interval: string, column = 'time'): string {
  if (!IDENTIFIER.test(column)) throw new Error(`Not a plain column name: ${JSON.stringify(column)}`);
  let intervalSql: string;
  if (PLACEHOLDER.test(interval)) intervalSql = `${interval}::interval`;
  else if (INTERVAL_LITERAL.test(interval)) intervalSql = `INTERVAL '${interval}'`;
  else throw new Error(`Not an interval literal or a placeholder: ${JSON.stringify(interval)}`);
  return capabilities.timescaledb
    ? `time_bucket(${intervalSql}, ${column})`
    : `date_bin(${intervalSql}, ${column}, TIMESTAMPTZ '${DATE_BIN_ORIGIN}')`;
}

/** Candle relations by resolution, coarsest last; all expose open/high/low/close/volume per symbol and timeframe. */
export const CANDLE_RELATIONS = [
  { relation: TABLES.candles, timeColumn: 'time', bucketMs: 60_000 },
  { relation: AGGREGATES.candles1h, timeColumn: 'bucket', bucketMs: 3_600_000 },
  { relation: AGGREGATES.candles1d, timeColumn: 'bucket', bucketMs: 86_400_000 },
] as const;

/**
 * The finest candle relation that returns at most `maxPoints` rows per symbol over `rangeMs`,
 * so long ranges read the (continuous) aggregates instead of scanning 1-minute rows.
 */
export function pickCandleRelation(rangeMs: number, maxPoints: number): (typeof CANDLE_RELATIONS)[number] {
  for (const candidate of CANDLE_RELATIONS) {
    if (rangeMs / candidate.bucketMs <= maxPoints) return candidate;
  }
  return CANDLE_RELATIONS[CANDLE_RELATIONS.length - 1];
}
