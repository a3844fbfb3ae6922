// Downsampling arithmetic, pure: which bucket width a series uses and which time window it covers.

/** date_bin origin, UTC midnight: the same alignment TimescaleDB's time_bucket uses for hours and days. */
export const BUCKET_ORIGIN_MS = Date.UTC(2000, 0, 1);

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Widths people read easily; each divides the next larger day/hour, so buckets align with the aggregates. */
export const NICE_BUCKETS_MS = [
  SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND,
  MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
  HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
  DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY,
];

/** The times PostgreSQL and toISOString both write as plain four-digit years: 0001-01-01 to 9999-12-31. */
export const MIN_TIME_MS = Date.parse('0001-01-01T00:00:00.000Z');
export const MAX_TIME_MS = Date.parse('9999-12-31T23:59:59.999Z');

/** How many wider widths planBuckets tries to fit a whole range into a single bucket. */
const SINGLE_BUCKET_TRIES = 64;

/** Widest bucket ever planned: 10,000 years of 365 days. */
export const MAX_BUCKET_MS = 10_000 * 365 * DAY;

export interface BucketPlan {
  bucketMs: number;
  /** Inclusive start and exclusive end, aligned to bucketMs: every returned bucket is complete. */
  fromMs: number;
  toMs: number;
  /** Buckets in the window; never above max(maxDataPoints, 2) (see planBuckets). */
  maxBuckets: number;
}

/** floor((timeMs - origin) / bucketMs) exactly, for integers where the float quotient may round across an integer. */
function bucketIndex(timeMs: number, bucketMs: number): number {
  const offset = timeMs - BUCKET_ORIGIN_MS;
  let index = Math.floor(offset / bucketMs);
  // At most one step either way: the float quotient is within one unit of the true one for |offset| < 2^53.
  if (index * bucketMs > offset) index -= 1;
  else if ((index + 1) * bucketMs <= offset) index += 1;
  return index;
}

export function alignDown(timeMs: number, bucketMs: number): number {
  return BUCKET_ORIGIN_MS + bucketIndex(timeMs, bucketMs) * bucketMs;
}

export function alignUp(timeMs: number, bucketMs: number): number {
  const down = alignDown(timeMs, bucketMs);
  return down === timeMs ? down : down + bucketMs;
}

function bucketCount(fromMs: number, toMs: number, bucketMs: number): number {
  return Math.max(1, (alignUp(toMs, bucketMs) - alignDown(fromMs, bucketMs)) / bucketMs);
}

/**
 * The narrowest bucket that is at least the dashboard interval and the data's own resolution and still keeps
 * the aligned window within maxDataPoints buckets. Widths come from NICE_BUCKETS_MS, then whole multiples
 * of 28 days for absurd ranges.
 *
 * Total, no open-ended loop: the nice widths are a fixed list; beyond them the width is computed in closed form.
 * An aligned window of width w over a span s has at most ceil(s / w) + 1 buckets, so w >= s / (n - 1) keeps it
 * within n. A window that straddles a bucket boundary (always true of one that straddles the origin) can never
 * be a single bucket, so the bound is max(maxDataPoints, 2): maxDataPoints 1 gets at most two buckets.
 */
export function planBuckets(args: {
  fromMs: number;
  toMs: number;
  intervalMs: number;
  maxDataPoints: number;
  resolutionMs: number;
}): BucketPlan {
  for (const [key, value] of Object.entries(args)) {
    if (!Number.isFinite(value)) throw new RangeError(`planBuckets: ${key} must be a finite number, got ${value}`);
  }
  if (args.fromMs < MIN_TIME_MS || args.toMs > MAX_TIME_MS) throw new RangeError('planBuckets: times must lie in the years 0001-9999');
  const fromMs = Math.round(args.fromMs);
  const toMs = Math.max(fromMs, Math.round(args.toMs));
  const maxDataPoints = Math.max(1, Math.floor(args.maxDataPoints));
  // Capped at MAX_BUCKET_MS so every aligned bound stays an exact integer (well below 2^53) for years 0001-9999.
  const floor = Math.min(MAX_BUCKET_MS, Math.max(Math.ceil(args.intervalMs), Math.ceil(args.resolutionMs), 1));
  const fits = (width: number) => width >= floor && bucketCount(fromMs, toMs, width) <= maxDataPoints;
  let bucketMs = NICE_BUCKETS_MS.find(fits);
  if (bucketMs === undefined) {
    const largest = NICE_BUCKETS_MS[NICE_BUCKETS_MS.length - 1];
    const budget = Math.max(2, maxDataPoints);
    const needed = Math.max(floor, (toMs - fromMs) / (budget - 1));
    const k = Math.max(1, Math.ceil(needed / largest));
    bucketMs = largest * k;
    // One bucket was asked for and two are planned: a few wider multiples may hold the range in one (bounded try).
    if (maxDataPoints === 1 && !fits(bucketMs)) {
      for (let extra = 1; extra <= SINGLE_BUCKET_TRIES; extra++) {
        if (fits(largest * (k + extra))) {
          bucketMs = largest * (k + extra);
          break;
        }
      }
    }
  }
  return {
    bucketMs,
    fromMs: alignDown(fromMs, bucketMs),
    toMs: alignUp(toMs, bucketMs),
    maxBuckets: bucketCount(fromMs, toMs, bucketMs),
  };
}

/** Interval literal for SQL parameters ("3600 seconds" style: exact, no month arithmetic). */
export function intervalParam(bucketMs: number): string {
  return `${bucketMs / 1000} seconds`;
}

/** Grafana interval strings ("15s", "1m", "2h", "1d", "1w", "500ms") in milliseconds; null when unreadable. */
export function parseIntervalMs(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)$/.exec(text.trim());
  if (!match) return null;
  const unit = { ms: 1, s: SECOND, m: MINUTE, h: HOUR, d: DAY, w: 7 * DAY, y: 365 * DAY }[match[2] as 'ms'];
  const ms = Math.round(Number(match[1]) * unit);
  // "99999999999y" is readable but means nothing: beyond MAX_BUCKET_MS it is as unreadable as "1 minute".
  return Number.isFinite(ms) && ms <= MAX_BUCKET_MS ? ms : null;
}
