import fc from 'fast-check';
import { exampleHealthRecord, exampleStats, flattenPerformanceMetrics, FieldIssues, normaliseStatus, parseServiceTime, readHealthRecord, readStats, validateStats } from '../src';

describe('parseServiceTime: times as Python writes them', () => {
  const t = Date.parse('2026-11-25T14:29:58.120Z');
  test.each([
    ['2026-11-25T14:29:58.120Z', t],
    ['2026-11-25T14:29:58.120333', t], // naive datetime.isoformat(): UTC
    ['2026-11-25 14:29:58.120333', t], // str(datetime)
    ['2026-11-25T16:29:58.120+02:00', t],
    ['2026-11-25T09:29:58.120-0500', t],
    ['2026-11-25T14:29:58.120333+00:00', t],
    [t / 1000, t], // time.time()
    [t, t], // milliseconds
    [String(t / 1000), t],
    ['2026-11-25T14:29', Date.parse('2026-11-25T14:29:00Z')],
  ])('%s', (input, expected) => expect(parseServiceTime(input)).toBeCloseTo(expected, 0));

  test.each([['yesterday'], ['2026-02-30T00:00:00'], ['2026-13-01T00:00:00Z'], [-1], [NaN], [Infinity], [null], [{}], ['2026-11-25T25:00:00Z']])('%s is no time', (input) =>
    expect(parseServiceTime(input)).toBeUndefined(),
  );

  test('property: total, and every ISO string Date can print reads back to the same instant, with or without Z', () => {
    fc.assert(fc.property(fc.anything(), (value) => {
      const ms = parseServiceTime(value);
      return ms === undefined || (Number.isFinite(ms) && !Number.isNaN(new Date(ms).getTime()));
    }));
    fc.assert(
      fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString();
        return parseServiceTime(iso) === date.getTime() && parseServiceTime(iso.slice(0, -1)) === date.getTime();
      }),
    );
  });
});

describe('readHealthRecord: strict about name and status, lenient about the rest', () => {
  test('status synonyms, case and whitespace; an unknown word is its own state', () => {
    expect(['OK', ' up ', 'Healthy', 'pass'].map(normaliseStatus)).toEqual(['healthy', 'healthy', 'healthy', 'healthy']);
    expect(['warning', 'WARN', 'degraded'].map(normaliseStatus)).toEqual(['degraded', 'degraded', 'degraded']);
    expect(['critical', 'error', 'DOWN', 'fail'].map(normaliseStatus)).toEqual(['down', 'down', 'down', 'down']);
    expect(normaliseStatus('maintenance')).toBe('unknown');
  });

  test('the contract example reads back whole, with no issues', () => {
    const read = readHealthRecord(exampleHealthRecord);
    expect(read.ok && read.issues.total).toBe(0);
    expect(read.ok && read.value).toMatchObject({ ...exampleHealthRecord, status: 'healthy' });
  });

  test('one bad field is dropped and counted, never the record', () => {
    const read = readHealthRecord({ ...exampleHealthRecord, uptime: 'long', error_count: -3, last_heartbeat: 'soon', dependencies: ['a', 7, null] });
    if (!read.ok) throw new Error(read.error);
    expect(read.value.uptime).toBeUndefined();
    expect(read.value.error_count).toBeUndefined();
    expect(read.value.dependencies).toEqual(['a']);
    expect(read.issues.counts).toEqual({ wrong_type: 2, out_of_range: 1, bad_time: 1 });
  });

  test('not a health record: not an object, no service name, no status', () => {
    for (const payload of [null, [], 'ok', 3, {}, { status: 'ok' }, { service_name: 'x' }, { service_name: '', status: 'ok' }, { service_name: 'x', status: 1 }]) {
      expect(readHealthRecord(payload).ok).toBe(false);
    }
  });

  test('property: total over any input', () => {
    fc.assert(fc.property(fc.anything(), (value) => typeof readHealthRecord(value).ok === 'boolean'));
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.anything()), (extra) => readHealthRecord({ ...extra, service_name: 'x', status: 'ok' }).ok));
  });
});

describe('flattenPerformanceMetrics: the one documented rule', () => {
  test('nested paths joined with ".", strings and lists skipped and counted, null skipped, booleans 0/1', () => {
    const issues = new FieldIssues();
    const out = flattenPerformanceMetrics({ a: 1, cache: { hit_ratio: 0.9, tier: { l1: '3' } }, mode: 'fast', list: [1], none: null, ok: true }, issues);
    expect(out).toEqual({ a: 1, 'cache.hit_ratio': 0.9, 'cache.tier.l1': 3, ok: 1 });
    expect(issues.counts).toEqual({ not_numeric: 2 });
  });

  test('caps on depth, count and name length', () => {
    const issues = new FieldIssues();
    const deep = { a: { b: { c: { d: { e: 1 } } } }, ['x'.repeat(200)]: 1, y: 1, z: 2 };
    const out = flattenPerformanceMetrics(deep, issues, { maxDepth: 3, maxMetrics: 1, maxNameLength: 100 });
    expect(out).toEqual({ y: 1 });
    expect(issues.counts).toEqual({ too_deep: 1, over_limit: 2 });
  });

  test('property: every output name is within the caps and every value came from a number-like leaf', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 20 }), (value, maxDepth, maxMetrics) => {
        const out = flattenPerformanceMetrics(value, new FieldIssues(), { maxDepth, maxMetrics, maxNameLength: 40 });
        const names = Object.keys(out);
        return names.length <= maxMetrics && names.every((name) => name.length <= 40) && Object.values(out).every((v) => typeof v === 'number');
      }),
    );
  });
});

describe('readStats: each known field on its own', () => {
  test('the contract examples read back with no issues, for every kind', () => {
    for (const [kind, stats] of Object.entries(exampleStats)) {
      const read = readStats(kind as keyof typeof exampleStats, stats);
      expect(read.ok && read.issues.counts).toEqual({});
    }
  });

  test('numeric strings, booleans, NaN in gauges kept, NaN in counters dropped, bad map entries dropped alone', () => {
    const read = readStats('trading_engine', {
      ...exampleStats.trading_engine,
      equity: NaN,
      fills_total: Infinity,
      strategies_running: true, // a gauge: 1
      open_positions: '12',
      strategies: { a: { equity: '1.5', realized_pnl: 1, unrealized_pnl: 2, open_positions: 1 }, b: 'x' },
    });
    if (!read.ok) throw new Error(read.error);
    expect(read.value.equity).toBeNaN();
    expect(read.value.fills_total).toBeUndefined();
    expect(read.value.open_positions).toBe(12);
    expect(read.value.strategies_running).toBe(1);
    expect(read.value.strategies).toEqual({ a: { equity: 1.5, realized_pnl: 1, unrealized_pnl: 2, open_positions: 1 } });
    expect(read.issues.counts).toEqual({ non_finite: 1, wrong_type: 1 });
    const counter = readStats('trading_engine', { ...exampleStats.trading_engine, fills_total: true });
    expect(counter.ok && counter.value.fills_total).toBeUndefined(); // a counter of `true` is no count
    expect(counter.ok && counter.issues.counts).toEqual({ wrong_type: 1 });
  });

  test('a latency histogram that breaks the shape rules is dropped whole; float("inf") is the +Inf bound', () => {
    const base = exampleStats.risk_manager;
    const bad = readStats('risk_manager', { ...base, latency_seconds: { buckets: [{ le: 1, count: 5 }, { le: '+Inf', count: 3 }] } });
    expect(bad.ok && bad.value.latency_seconds).toBeUndefined();
    expect(bad.ok && bad.issues.counts).toEqual({ invalid_shape: 1 });
    const inf = readStats('risk_manager', { ...base, latency_seconds: { buckets: [{ le: 1, count: 5 }, { le: Infinity, count: 6 }] } });
    expect(inf.ok && inf.value.latency_seconds?.buckets?.[1].le).toBe('+Inf');
  });

  test('an empty or broken bucket list never throws, in the strict and the lenient reading', () => {
    for (const buckets of [[], [null], [{ le: 'x' }, 3]]) {
      const latency_seconds = { buckets, p50: 0.1 };
      expect(() => validateStats('risk_manager', { ...exampleStats.risk_manager, latency_seconds })).not.toThrow();
      const read = readStats('risk_manager', { ...exampleStats.risk_manager, latency_seconds });
      expect(read.ok).toBe(true);
    }
  });

  test('dependency_calls: per-edge traffic is optional; each entry judged on its own', () => {
    const read = readStats('risk_manager', {
      ...exampleStats.risk_manager,
      dependency_calls: [{ dependency: 'timescaledb', requests: 10, errors: 1, latency: { p50: 0.01, p95: 0.02 } }, { dependency: 'x', requests: 'many', errors: 0 }],
    });
    expect(read.ok && read.value.dependency_calls).toEqual([
      { dependency: 'timescaledb', requests: 10, errors: 1, latency: { p50: 0.01, p95: 0.02 } },
      { dependency: 'x', errors: 0 },
    ]);
  });

  test('property: total over any input for every kind', () => {
    fc.assert(fc.property(fc.constantFrom(...(Object.keys(exampleStats) as Array<keyof typeof exampleStats>)), fc.anything(), (kind, value) => typeof readStats(kind, value).ok === 'boolean'));
  });
});
