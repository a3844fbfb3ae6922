// Property tests: planBuckets and parseIntervalMs are total over their whole input space and keep their promises.
import fc from 'fast-check';
import { BUCKET_ORIGIN_MS, MAX_BUCKET_MS, MAX_TIME_MS, MIN_TIME_MS, alignDown, alignUp, parseIntervalMs, planBuckets } from './buckets';

const YEAR = 365 * 86_400_000;

// Times anywhere in 0001-9999, with extra weight near the bucket origin, where the old loop never ended.
const time = fc.oneof(
  fc.integer({ min: MIN_TIME_MS, max: MAX_TIME_MS }),
  fc.integer({ min: BUCKET_ORIGIN_MS - 60 * 86_400_000, max: BUCKET_ORIGIN_MS + 60 * 86_400_000 }),
);
const interval = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 120_000 }), fc.integer({ min: 0, max: 50 * YEAR }));
const points = fc.oneof(fc.constantFrom(1, 2, 3), fc.integer({ min: 1, max: 1_000_000 }));

test('the exact reproduction of #9 finding 1 (maxDataPoints 1 across 2000-01-01) answers at once', () => {
  const plan = planBuckets({
    fromMs: Date.parse('1999-12-31T00:00:00Z'),
    toMs: Date.parse('2000-01-02T00:00:00Z'),
    intervalMs: 60_000,
    maxDataPoints: 1,
    resolutionMs: 60_000,
  });
  expect(plan.maxBuckets).toBe(2);
  expect(plan.fromMs).toBeLessThanOrEqual(Date.parse('1999-12-31T00:00:00Z'));
  expect(plan.toMs).toBeGreaterThanOrEqual(Date.parse('2000-01-02T00:00:00Z'));
});

test('planBuckets terminates, keeps within max(maxDataPoints, 2) buckets, covers [from, to) aligned, never below the floor', () => {
  fc.assert(
    fc.property(time, time, interval, interval, points, (a, b, intervalMs, resolutionMs, maxDataPoints) => {
      const [fromMs, toMs] = a <= b ? [a, b] : [b, a];
      const plan = planBuckets({ fromMs, toMs, intervalMs, maxDataPoints, resolutionMs });
      expect(Number.isSafeInteger(plan.bucketMs)).toBe(true);
      expect(plan.bucketMs).toBeGreaterThanOrEqual(Math.min(MAX_BUCKET_MS, Math.max(intervalMs, resolutionMs, 1)));
      expect(plan.maxBuckets).toBeLessThanOrEqual(Math.max(2, maxDataPoints));
      expect(plan.fromMs).toBeLessThanOrEqual(fromMs);
      expect(plan.toMs).toBeGreaterThanOrEqual(toMs);
      expect((plan.fromMs - BUCKET_ORIGIN_MS) % plan.bucketMs === 0).toBe(true);
      expect((plan.toMs - BUCKET_ORIGIN_MS) % plan.bucketMs === 0).toBe(true);
      expect(Math.max(1, (plan.toMs - plan.fromMs) / plan.bucketMs)).toBe(plan.maxBuckets);
    }),
    { numRuns: 5_000 },
  );
});

test('planBuckets: a single bucket whenever one nice width can hold the whole range', () => {
  fc.assert(
    fc.property(fc.integer({ min: BUCKET_ORIGIN_MS, max: BUCKET_ORIGIN_MS + 1000 * 86_400_000 }), (fromMs) => {
      const dayStart = alignDown(fromMs, 86_400_000);
      const plan = planBuckets({ fromMs: dayStart, toMs: dayStart + 3_600_000, intervalMs: 1, maxDataPoints: 1, resolutionMs: 1000 });
      expect(plan.maxBuckets).toBe(1);
    }),
  );
});

test('planBuckets refuses what it cannot plan, with a RangeError, never a hang', () => {
  const base = { fromMs: 0, toMs: 1, intervalMs: 1, maxDataPoints: 10, resolutionMs: 1 };
  for (const bad of [{ fromMs: NaN }, { toMs: Infinity }, { maxDataPoints: NaN }, { fromMs: MIN_TIME_MS - 1 }, { toMs: MAX_TIME_MS + 1 }, { intervalMs: -Infinity }]) {
    expect(() => planBuckets({ ...base, ...bad })).toThrow(RangeError);
  }
});

test('alignDown/alignUp bracket any time exactly, also where the float quotient rounds', () => {
  fc.assert(
    fc.property(fc.integer({ min: MIN_TIME_MS, max: MAX_TIME_MS }), fc.integer({ min: 1, max: MAX_BUCKET_MS }), (t, w) => {
      const down = alignDown(t, w);
      const up = alignUp(t, w);
      expect(down <= t && t < down + w).toBe(true);
      expect(up >= t && up - t < w).toBe(true);
      expect((down - BUCKET_ORIGIN_MS) % w === 0 && (up - BUCKET_ORIGIN_MS) % w === 0).toBe(true);
    }),
    { numRuns: 5_000 },
  );
});

describe('parseIntervalMs', () => {
  const UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, y: 31_536_000_000 } as const;

  test('any string: a non-negative safe integer no wider than MAX_BUCKET_MS, or null; never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^\d{1,30}(\.\d{1,30})?(ms|s|m|h|d|w|y)$/)), (text) => {
        const ms = parseIntervalMs(text);
        if (ms !== null) {
          expect(Number.isSafeInteger(ms)).toBe(true);
          expect(ms).toBeGreaterThanOrEqual(0);
          expect(ms).toBeLessThanOrEqual(MAX_BUCKET_MS);
        }
      }),
      { numRuns: 10_000 },
    );
  });

  test('round trip: n<unit> is n times the unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(...(Object.keys(UNITS) as (keyof typeof UNITS)[])), (n, unit) => {
        expect(parseIntervalMs(` ${n}${unit} `)).toBe(n * UNITS[unit]);
      }),
    );
  });

  test('absurd but well-formed intervals are unreadable, not Infinity', () => {
    expect(parseIntervalMs('9'.repeat(400) + 'y')).toBeNull();
    expect(parseIntervalMs('10001y')).toBeNull();
  });
});
