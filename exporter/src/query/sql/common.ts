// Small helpers shared by the per-query SQL builders. Builders are pure: parameters in, { text, values } out.
// Client input only ever travels in `values`; `text` is assembled from constants of this folder.
import { BUCKET_ORIGIN_MS, MAX_TIME_MS, MIN_TIME_MS, intervalParam } from '../buckets';

export interface SqlQuery {
  text: string;
  values: unknown[];
  /** Read through a cursor in batches (large results): parsing one batch never holds the event loop for long. */
  batched?: boolean;
}

/** What the builders need to know about the database. */
export interface SqlTarget {
  timescaledb: boolean;
}

/** A bucketed window: [fromMs, toMs) aligned to bucketMs (see buckets.ts). */
export interface BucketWindow {
  fromMs: number;
  toMs: number;
  bucketMs: number;
}

/** A raw time window, both ends inclusive as Grafana means them. */
export interface RawWindow {
  fromMs: number;
  toMs: number;
}

/** ISO-8601 with a four-digit year for any number: NaN and far times clamp to the ends of 0001-9999. */
export function sqlTimestamp(ms: number): string {
  const clamped = Number.isNaN(ms) ? MIN_TIME_MS : Math.min(MAX_TIME_MS, Math.max(MIN_TIME_MS, Math.round(ms)));
  return new Date(clamped).toISOString();
}

const ORIGIN = `TIMESTAMPTZ '${new Date(BUCKET_ORIGIN_MS).toISOString()}'`;
const COLUMN = /^[a-z_][a-z0-9_]*$/;

/** Collects values and hands out their $n placeholders, so builders never count by hand. */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return `$${this.values.length}${cast ? `::${cast}` : ''}`;
  }

  /** Always a timestamp PostgreSQL reads: clamped to the years 0001-9999 (an aligned window may reach past them). */
  time(ms: number): string {
    return this.add(sqlTimestamp(ms), 'timestamptz');
  }
}

/** time_bucket with TimescaleDB, date_bin otherwise; the same explicit origin, so both give identical buckets. */
export function bucketSql(target: SqlTarget, intervalPlaceholder: string, column = 'time'): string {
  if (!COLUMN.test(column)) throw new Error(`not a column name: ${column}`);
  return target.timescaledb
    ? `time_bucket(${intervalPlaceholder}, ${column}, ${ORIGIN})`
    : `date_bin(${intervalPlaceholder}, ${column}, ${ORIGIN})`;
}

export function bucketParam(params: Params, bucketMs: number): string {
  return params.add(intervalParam(bucketMs), 'interval');
}

/** `AND column = ANY($n)` when a selection was made; an empty selection means all values. */
export function anyOf(params: Params, column: string, selected: readonly string[]): string {
  if (!COLUMN.test(column)) throw new Error(`not a column name: ${column}`);
  return selected.length > 0 ? ` AND ${column} = ANY(${params.add([...selected], 'text[]')})` : '';
}

/** First/last value in time order: TimescaleDB's first()/last(), ordered array_agg on plain PostgreSQL. */
export function firstSql(target: SqlTarget, value: string, time = 'time'): string {
  return target.timescaledb ? `first(${value}, ${time})` : `(array_agg(${value} ORDER BY ${time} ASC))[1]`;
}

export function lastSql(target: SqlTarget, value: string, time = 'time'): string {
  return target.timescaledb ? `last(${value}, ${time})` : `(array_agg(${value} ORDER BY ${time} DESC))[1]`;
}

/** Whether a bucket can be assembled from an aggregate of `widthMs` without changing results. */
export function coversWholeAggregateBuckets(bucketMs: number, widthMs: number): boolean {
  return bucketMs >= widthMs && bucketMs % widthMs === 0;
}
