// Property tests: time parsing, SQL parameter building and the sliced JSON answer are total and keep their promises.
import fc from 'fast-check';
import { byteLength, countPoints, serialiseFrames } from './answer';
import { MAX_TIME_MS, MIN_TIME_MS } from './buckets';
import type { FrameDTO } from './frames';
import { parseTime } from './model';
import { Params, sqlTimestamp } from './sql/common';

const ISO_FOUR_DIGIT_YEAR = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

test('parseTime: any value is a time in 0001-9999 or NaN, never a throw or a year PostgreSQL refuses', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.double(), fc.integer(), fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())), fc.anything()), (value) => {
      const ms = parseTime(value);
      if (!Number.isNaN(ms)) {
        expect(Number.isInteger(ms)).toBe(true);
        expect(ms).toBeGreaterThanOrEqual(MIN_TIME_MS);
        expect(ms).toBeLessThanOrEqual(MAX_TIME_MS);
        expect(new Date(ms).toISOString()).toMatch(ISO_FOUR_DIGIT_YEAR);
      }
    }),
    { numRuns: 5_000 },
  );
  expect(parseTime('+010000-01-01T00:00:00Z')).toBeNaN();
  expect(parseTime(8.64e15)).toBeNaN();
  expect(parseTime('2026-01-05T00:00:00Z')).toBe(Date.UTC(2026, 0, 5));
});

test('SQL parameters: every time is a four-digit-year ISO timestamp; placeholders count 1..n in order; values are untouched', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.double(), fc.integer(), fc.constantFrom(NaN, Infinity, -Infinity, 8.64e15, -8.64e15)), { maxLength: 20 }), fc.array(fc.anything(), { maxLength: 5 }), (times, others) => {
      const params = new Params();
      const placeholders = [...times.map((ms) => params.time(ms)), ...others.map((value) => params.add(value))];
      expect(placeholders).toEqual(placeholders.map((_, i) => (i < times.length ? `$${i + 1}::timestamptz` : `$${i + 1}`)));
      for (const value of params.values.slice(0, times.length)) expect(value).toMatch(ISO_FOUR_DIGIT_YEAR);
      expect(params.values.slice(times.length)).toEqual(others);
      for (const ms of times) if (Number.isFinite(ms) && ms >= MIN_TIME_MS && ms <= MAX_TIME_MS) expect(Date.parse(sqlTimestamp(ms)) === Math.round(ms)).toBe(true);
    }),
    { numRuns: 2_000 },
  );
});

const frames = fc.array(
  fc.record(
    {
      refId: fc.string(),
      name: fc.string(),
      fields: fc.array(
        fc.record({ name: fc.string(), type: fc.constantFrom('time', 'number', 'string', 'other' as const), values: fc.array(fc.oneof(fc.double(), fc.string(), fc.constant(null), fc.array(fc.string())), { maxLength: 9_000 }) }, { requiredKeys: ['name', 'type', 'values'] }),
        { maxLength: 4 },
      ),
      meta: fc.record({ notices: fc.array(fc.record({ severity: fc.constant('info' as const), text: fc.string() })) }),
    },
    { requiredKeys: ['refId', 'fields'] },
  ),
  { maxLength: 3 },
);

test('the sliced answer is the JSON of the frames (keys may come in another order), its size and point count are right', async () => {
  await fc.assert(
    fc.asyncProperty(frames, async (input) => {
      const pieces = await serialiseFrames(input as FrameDTO[]);
      expect(JSON.parse(pieces.join(''))).toEqual(JSON.parse(JSON.stringify(input)));
      expect(byteLength(pieces)).toBe(Buffer.byteLength(JSON.stringify(input)));
      expect(countPoints(input as FrameDTO[])).toBe(input.reduce((sum, frame) => sum + frame.fields.reduce((s, f) => s + f.values.length, 0), 0));
    }),
    { numRuns: 200 },
  );
});
