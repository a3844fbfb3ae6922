import { BUCKET_ORIGIN_MS, NICE_BUCKETS_MS, alignDown, alignUp, intervalParam, parseIntervalMs, planBuckets } from './buckets';

const DAY = 86_400_000;
const from = Date.UTC(2026, 0, 5, 0, 7, 13);

describe('planBuckets', () => {
  test('30 days in 1,000 points: hourly buckets (45-minute steps are not nice widths)', () => {
    const plan = planBuckets({ fromMs: from, toMs: from + 30 * DAY, intervalMs: 60_000, maxDataPoints: 1000, resolutionMs: 60_000 });
    expect(plan.bucketMs).toBe(3_600_000);
    expect(plan.maxBuckets).toBeLessThanOrEqual(1000);
    expect(plan.fromMs).toBe(Date.UTC(2026, 0, 5, 0));
    expect(plan.toMs).toBe(Date.UTC(2026, 1, 4, 1));
  });

  test('never narrower than the dashboard interval or the data resolution', () => {
    expect(planBuckets({ fromMs: from, toMs: from + DAY, intervalMs: 900_000, maxDataPoints: 10_000, resolutionMs: 60_000 }).bucketMs).toBe(900_000);
    expect(planBuckets({ fromMs: from, toMs: from + 3_600_000, intervalMs: 1000, maxDataPoints: 10_000, resolutionMs: 60_000 }).bucketMs).toBe(60_000);
  });

  test('the bound holds for any range and point budget, including absurd ones', () => {
    for (const rangeMs of [0, 1, 59_999, 3_600_000, 7 * DAY + 17, 365 * DAY, 5 * 366 * DAY]) {
      for (const maxDataPoints of [1, 2, 3, 10, 99, 1000, 1234, 10_000]) {
        const plan = planBuckets({ fromMs: from, toMs: from + rangeMs, intervalMs: 1, maxDataPoints, resolutionMs: 60_000 });
        expect(plan.maxBuckets).toBeLessThanOrEqual(maxDataPoints);
        expect((plan.toMs - plan.fromMs) / plan.bucketMs).toBe(plan.maxBuckets);
        expect(plan.fromMs).toBeLessThanOrEqual(from);
        expect(plan.toMs).toBeGreaterThanOrEqual(from + rangeMs);
      }
    }
  });

  test('nice widths tile hours and days, so hour/day aggregates can be used whole', () => {
    for (const width of NICE_BUCKETS_MS) {
      if (width < 3_600_000) expect(3_600_000 % width).toBe(0);
      else if (width < DAY) expect(DAY % width).toBe(0);
      else expect(width % DAY).toBe(0);
    }
  });
});

test('alignment is relative to 2000-01-01 UTC like date_bin in the SQL', () => {
  expect(alignDown(BUCKET_ORIGIN_MS + 5, 10)).toBe(BUCKET_ORIGIN_MS);
  expect(alignUp(BUCKET_ORIGIN_MS + 5, 10)).toBe(BUCKET_ORIGIN_MS + 10);
  expect(alignUp(BUCKET_ORIGIN_MS + 10, 10)).toBe(BUCKET_ORIGIN_MS + 10);
  expect(alignDown(Date.UTC(1999, 11, 31, 23, 30), 3_600_000)).toBe(Date.UTC(1999, 11, 31, 23));
});

test('interval strings', () => {
  expect(parseIntervalMs('1m')).toBe(60_000);
  expect(parseIntervalMs('500ms')).toBe(500);
  expect(parseIntervalMs('2h')).toBe(7_200_000);
  expect(parseIntervalMs('1d')).toBe(DAY);
  expect(parseIntervalMs('1 minute')).toBeNull();
  expect(intervalParam(3_600_000)).toBe('3600 seconds');
});
