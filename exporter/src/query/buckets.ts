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

export interface BucketPlan {
  bucketMs: number;
  /** Inclusive start and exclusive end, aligned to bucketMs: every returned bucket is complete. */
  fromMs: number;
  toMs: number;
  /** Upper bound of buckets in the window; never above maxDataPoints. */
  maxBuckets: number;
}

export function alignDown(timeMs: number, bucketMs: number): number {
  return BUCKET_ORIGIN_MS + Math.floor((timeMs - BUCKET_ORIGIN_MS) / bucketMs) * bucketMs;
}

export function alignUp(timeMs: number, bucketMs: number): number {
  return BUCKET_ORIGIN_MS + Math.ceil((timeMs - BUCKET_ORIGIN_MS) / bucketMs) * bucketMs;
}

function bucketCount(fromMs: number, toMs: number, bucketMs: number): number {
  return Math.max(1, (alignUp(toMs, bucketMs) - alignDown(fromMs, bucketMs)) / bucketMs);
}

/**
 * The narrowest bucket that is at least the dashboard interval and the data's own resolution and still keeps
 * the aligned window within maxDataPoints buckets. Widths come from NICE_BUCKETS_MS, then whole multiples
 * of 28 days for absurd ranges.
 */
export function planBuckets(args: {
  fromMs: number;
  toMs: number;
  intervalMs: number;
  maxDataPoints: number;
  resolutionMs: number;
}): BucketPlan {
  const { fromMs, toMs, maxDataPoints } = args;
  const floor = Math.max(args.intervalMs, args.resolutionMs, 1);
  const fits = (width: number) => width >= floor && bucketCount(fromMs, toMs, width) <= maxDataPoints;
  let bucketMs = NICE_BUCKETS_MS.find(fits);
  if (bucketMs === undefined) {
    const largest = NICE_BUCKETS_MS[NICE_BUCKETS_MS.length - 1];
    bucketMs = largest * Math.max(1, Math.ceil(Math.max(floor, (toMs - fromMs) / Math.max(1, maxDataPoints - 1)) / largest));
    while (!fits(bucketMs)) bucketMs += largest;
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
  return Math.round(Number(match[1]) * unit);
}
