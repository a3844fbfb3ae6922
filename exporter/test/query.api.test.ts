// The query API over HTTP against a real PostgreSQL holding a deterministic dataset: every query type's numbers
// equal an independent computation (test/query-support/expectations.ts).
import { Client } from 'pg';
import { migrate } from '../../simulator/src/db/migrate';
import { createTestDatabase, type TestDatabase } from '../../test-support/database';
import { planBuckets } from '../src/query/buckets';
import { expectedCandles, expectedDrawdown, expectedEquity, expectedPatternCounts, expectedPnl, expectedSentiment, expectedSummary } from './query-support/expectations';
import { DAYS, T0, buildFixture, insertFixture } from './query-support/fixture';
import { type TestServer, startQueryServer } from './query-support/server';

const fixture = buildFixture();
const FROM = T0;
const TO = T0 + DAYS * 86_400_000 - 1;
const range = { from: new Date(FROM).toISOString(), to: new Date(TO).toISOString() };
let database: TestDatabase;
let api: TestServer;
let capabilities: Awaited<ReturnType<typeof migrate>>['capabilities'];

beforeAll(async () => {
  database = await createTestDatabase('query_api');
  ({ capabilities } = await migrate(database.url));
  await insertFixture(database.url, fixture);
  // On TimescaleDB, run the refresh policies as the scheduler would: the fixture lies in the past, so the
  // continuous aggregates then answer from materialized rows (below the watermark), not real-time aggregation.
  if (capabilities.timescaledb) await runRefreshPolicies(database.url);
  api = await startQueryServer({ databaseUrl: database.url });
});

async function runRefreshPolicies(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const jobs = await client.query(`SELECT job_id FROM timescaledb_information.jobs WHERE proc_name = 'policy_refresh_continuous_aggregate' ORDER BY 1`);
    for (const { job_id } of jobs.rows) await client.query('CALL run_job($1)', [job_id]);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await api?.close();
  await database?.drop();
});

function fieldValues(frame: any, name: string): unknown[] {
  const field = frame.fields.find((f: any) => f.name === name);
  if (!field) throw new Error(`no field ${name} in ${frame.fields.map((f: any) => f.name)}`);
  return field.values;
}

function rowsOf(frame: any): Record<string, unknown>[] {
  const length = frame.fields[0].values.length;
  return Array.from({ length }, (_, i) => Object.fromEntries(frame.fields.map((f: any) => [f.name, f.values[i]])));
}

async function query(queries: object[], extra: object = {}) {
  const response = await api.post('/query', { range, intervalMs: 60_000, maxDataPoints: 100, queries, ...extra });
  return response;
}

function expectNumbersClose(actual: Record<string, unknown>[], expected: Record<string, number | null>[]) {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((row, i) => {
    for (const [key, value] of Object.entries(row)) {
      if (value === null) expect(actual[i][key]).toBeNull();
      else expect(actual[i][key]).toBeCloseTo(value, 9);
    }
  });
}

describe('health and auth', () => {
  test('health answers without a token: database, TimescaleDB and schema version', async () => {
    const response = await api.get('/health', {});
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      database: { reachable: true },
      timescaledb: { installed: capabilities.timescaledb, version: capabilities.timescaledbVersion },
      schemaVersion: '1764000000002_long-range-aggregates',
    });
  });

  test.each([
    ['no header', {}],
    ['wrong token', { authorization: 'Bearer nope' }],
    ['token of another length', { authorization: 'Bearer test-token-0123456789x' }],
    ['basic auth', { authorization: 'Basic dGVzdDp0ZXN0' }],
  ])('401 with %s', async (_name, headers) => {
    const search = await api.get('/search/symbols', headers as Record<string, string>);
    const post = await api.post('/query', { range, queries: [] }, headers as Record<string, string>);
    expect(search.status).toBe(401);
    expect(post.status).toBe(401);
    expect(search.body.error).toMatch(/bearer token/);
  });
});

describe('search', () => {
  test.each([
    ['symbols', '', ['AAA', 'BBB']],
    ['symbols', '?filter=b', ['BBB']],
    ['symbols', '?filter=%25', []],
    ['strategies', '', ['alpha', 'beta']],
    ['pattern_types', '?filter=top', ['double_top']],
    ['timeframes', '', ['1m']],
    ['sources', '', ['news', 'reddit', 'twitter']],
  ])('%s%s', async (kind, query, values) => {
    const response = await api.get(`/search/${kind}${query}`);
    expect(response.status).toBe(200);
    expect(response.body.values).toEqual(values);
  });

  test('unknown search kind is 404', async () => {
    expect((await api.get('/search/passwords')).status).toBe(404);
  });
});

describe('time series', () => {
  const plan = planBuckets({ fromMs: FROM, toMs: TO, intervalMs: 60_000, maxDataPoints: 100, resolutionMs: 60_000 });

  test('the plan for 3 days in 100 points is hourly buckets', () => {
    expect(plan.bucketMs).toBe(3_600_000);
    expect(plan.maxBuckets).toBe(72);
  });

  test('candles: OHLCV per symbol, one frame per symbol, fit for the candlestick panel', async () => {
    const response = await query([{ refId: 'A', queryType: 'candles', symbols: ['AAA', 'BBB'] }]);
    expect(response.status).toBe(200);
    const frames = response.body.results.A.frames;
    expect(frames.map((f: any) => f.name)).toEqual(['AAA', 'BBB']);
    expect(frames[0].fields.map((f: any) => f.name)).toEqual(['time', 'open', 'high', 'low', 'close', 'volume']);
    expect(frames[0].fields[1]).toMatchObject({ type: 'number', labels: { symbol: 'AAA' }, config: { unit: 'currencyUSD', displayNameFromDS: 'Open' } });
    expect(frames[0].meta.preferredVisualisationType).toBe('candlestick');
    for (const [index, symbol] of ['AAA', 'BBB'].entries()) {
      const expected = expectedCandles(fixture.candles, symbol, plan.fromMs, plan.toMs, plan.bucketMs);
      expect(expected).toHaveLength(72);
      expect(rowsOf(frames[index])).toEqual(expected);
    }
  });

  test('price and volume series, one per symbol, named by symbol', async () => {
    const response = await query([
      { refId: 'P', queryType: 'price', symbols: ['AAA', 'BBB'] },
      { refId: 'V', queryType: 'volume', symbols: ['BBB'] },
    ]);
    const price = response.body.results.P.frames;
    expect(price).toHaveLength(2);
    expect(price[1].fields[1].config.displayNameFromDS).toBe('BBB');
    expect(fieldValues(price[1], 'price')).toEqual(expectedCandles(fixture.candles, 'BBB', plan.fromMs, plan.toMs, plan.bucketMs).map((c) => c.close));
    expect(fieldValues(response.body.results.V.frames[0], 'volume')).toEqual(
      expectedCandles(fixture.candles, 'BBB', plan.fromMs, plan.toMs, plan.bucketMs).map((c) => c.volume),
    );
  });

  test.each([
    [1, 60_000],
    [2, 60_000],
    [7, 60_000],
    [99, 60_000],
    [500, 60_000],
    [5000, 60_000],
    [50, 7_200_000],
  ])('downsampling: maxDataPoints %i (interval %i ms) is never exceeded and buckets follow the interval', async (maxDataPoints, intervalMs) => {
    const odd = { from: new Date(FROM + 7 * 60_000 + 123).toISOString(), to: new Date(TO - 13 * 60_000).toISOString() };
    const response = await api.post('/query', {
      range: odd,
      intervalMs,
      maxDataPoints,
      queries: [
        { refId: 'C', queryType: 'candles', symbols: ['AAA'] },
        { refId: 'E', queryType: 'equity' },
        { refId: 'S', queryType: 'sentiment', symbols: ['AAA'], sources: ['news', 'reddit'] },
        { refId: 'N', queryType: 'patternCounts' },
      ],
    });
    expect(response.status).toBe(200);
    for (const result of Object.values<any>(response.body.results)) {
      expect(result.frames.length).toBeGreaterThan(0);
      for (const frame of result.frames) {
        const times = frame.fields[0].values as number[];
        expect(times.length).toBeLessThanOrEqual(maxDataPoints);
        for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(intervalMs);
      }
    }
  });

  test('equity, P&L (cumulative and per bucket) and drawdown, one series per strategy', async () => {
    const response = await query([
      { refId: 'E', queryType: 'equity', strategies: ['alpha', 'beta'] },
      { refId: 'C', queryType: 'pnl', strategies: [], pnlMode: 'cumulative' },
      { refId: 'B', queryType: 'pnl', strategies: ['beta'], pnlMode: 'perBucket' },
      { refId: 'D', queryType: 'drawdown', strategies: ['alpha'] },
    ]);
    const { E, C, B, D } = response.body.results;
    expect(E.frames.map((f: any) => f.name)).toEqual(['alpha', 'beta']);
    expect(rowsOf(E.frames[1])).toEqual(expectedEquity(fixture.equity, 'beta', plan.fromMs, plan.toMs, plan.bucketMs));
    expect(C.frames.map((f: any) => f.name)).toEqual(['alpha', 'beta']);
    expectNumbersClose(rowsOf(C.frames[0]), expectedPnl(fixture.trades, 'alpha', plan.fromMs, plan.toMs, plan.bucketMs, true));
    expectNumbersClose(rowsOf(B.frames[0]), expectedPnl(fixture.trades, 'beta', plan.fromMs, plan.toMs, plan.bucketMs, false));
    expect(D.frames[0].fields[1].config.unit).toBe('percentunit');
    expectNumbersClose(rowsOf(D.frames[0]), expectedDrawdown(fixture.equity, 'alpha', plan.fromMs, plan.toMs, plan.bucketMs));
  });

  test('sentiment: confidence-weighted score per symbol, or per symbol and source; mention volume', async () => {
    const response = await query([
      { refId: 'S', queryType: 'sentiment', symbols: ['AAA', 'BBB'] },
      { refId: 'T', queryType: 'sentiment', symbols: ['AAA'], sources: ['twitter', 'news'] },
      { refId: 'M', queryType: 'mentions', symbols: ['BBB'] },
    ]);
    const { S, T, M } = response.body.results;
    expect(S.frames.map((f: any) => f.name)).toEqual(['AAA', 'BBB']);
    expectNumbersClose(rowsOf(S.frames[1]).map(({ time, score }) => ({ time, score })) as any, expectedSentiment(fixture.sentiment, 'BBB', null, plan.fromMs, plan.toMs, plan.bucketMs).map(({ time, score }) => ({ time, score })));
    expect(T.frames.map((f: any) => f.name)).toEqual(['AAA news', 'AAA twitter']);
    expect(T.frames[1].fields[1].labels).toEqual({ symbol: 'AAA', source: 'twitter' });
    expectNumbersClose(rowsOf(T.frames[1]) as any, expectedSentiment(fixture.sentiment, 'AAA', 'twitter', plan.fromMs, plan.toMs, plan.bucketMs).map(({ time, score }) => ({ time, score })));
    expect(fieldValues(M.frames[0], 'mentions')).toEqual(expectedSentiment(fixture.sentiment, 'BBB', null, plan.fromMs, plan.toMs, plan.bucketMs).map((r) => r.mentions));
  });

  test('pattern counts per type, zero-filled, above the confidence filter', async () => {
    const response = await query([{ refId: 'N', queryType: 'patternCounts', minConfidence: 0.5 }]);
    const frames = response.body.results.N.frames;
    expect(frames.map((f: any) => f.name)).toEqual(['double_top', 'engulfing', 'head_and_shoulders']);
    for (const frame of frames) {
      expect(rowsOf(frame)).toEqual(expectedPatternCounts(fixture.patterns, frame.name, 0.5, plan.fromMs, plan.toMs, plan.bucketMs));
    }
  });
});

describe('tables and annotations', () => {
  test('trades table: newest first, filtered by strategy and symbol', async () => {
    const response = await query([{ refId: 'T', queryType: 'trades', strategies: ['alpha'], symbols: ['AAA'] }]);
    const frame = response.body.results.T.frames[0];
    const expected = fixture.trades.filter((t) => t.strategy === 'alpha').sort((a, b) => b.time - a.time);
    expect(fieldValues(frame, 'Time')).toEqual(expected.map((t) => t.time));
    expect(fieldValues(frame, 'Trade')).toEqual(expected.map((t) => String(t.trade_id)));
    expect(fieldValues(frame, 'Realized P&L')).toEqual(expected.map((t) => t.realized_pnl));
    expect(frame.meta.preferredVisualisationType).toBe('table');
  });

  test('trade markers as annotation frames (time, title, text, tags)', async () => {
    const response = await query([{ refId: 'M', queryType: 'tradeMarkers', symbols: ['BBB'] }]);
    const frame = response.body.results.M.frames[0];
    const first = fixture.trades.filter((t) => t.symbol === 'BBB').sort((a, b) => b.time - a.time)[0];
    expect(frame.fields.map((f: any) => f.name)).toEqual(['time', 'title', 'text', 'tags']);
    expect(rowsOf(frame)[0]).toEqual({
      time: first.time,
      title: `${first.side.toUpperCase()} ${first.quantity} BBB @ ${first.price}`,
      text: `beta · trade ${first.trade_id} · fee 0.125 · realized P&L ${first.realized_pnl}`,
      tags: ['beta', 'BBB', first.side],
    });
  });

  test('pattern table and pattern markers with a confidence filter', async () => {
    const response = await query([
      { refId: 'T', queryType: 'patternTable', symbols: ['AAA'], minConfidence: 0.75 },
      { refId: 'M', queryType: 'patternMarkers', patternTypes: ['engulfing'], minConfidence: 0.9 },
    ]);
    const table = response.body.results.T.frames[0];
    const expected = fixture.patterns.filter((p) => p.symbol === 'AAA' && p.confidence >= 0.75).sort((a, b) => b.time - a.time);
    expect(fieldValues(table, 'Time')).toEqual(expected.map((p) => p.time));
    expect(fieldValues(table, 'Confidence')).toEqual(expected.map((p) => p.confidence));
    const markers = response.body.results.M.frames[0];
    const expectedMarkers = fixture.patterns.filter((p) => p.pattern === 'engulfing' && p.confidence >= 0.9);
    expect(fieldValues(markers, 'time')).toHaveLength(expectedMarkers.length);
    expect((fieldValues(markers, 'title') as string[]).every((title) => title.startsWith('engulfing ('))).toBe(true);
  });

  test('strategy summary equals an independent computation', async () => {
    const response = await query([{ refId: 'S', queryType: 'strategySummary' }]);
    const rows = rowsOf(response.body.results.S.frames[0]);
    expect(rows.map((r) => r.Strategy)).toEqual(['alpha', 'beta']);
    for (const row of rows) {
      const expected = expectedSummary(fixture, row.Strategy as string, FROM, TO);
      expect(row.Trades).toBe(expected.trades);
      expectNumbersClose(
        [{ a: row['Win rate'], b: row['Profit factor'], c: row['Average win'], d: row['Average loss'], e: row['Net P&L'], f: row.Sharpe, g: row.Sortino, h: row['Max drawdown'] }] as any,
        [{ a: expected.winRate, b: expected.profitFactor, c: expected.avgWin, d: expected.avgLoss, e: expected.netPnl, f: expected.sharpe, g: expected.sortino, h: expected.maxDrawdown }],
      );
      expect(expected.sharpe).not.toBeNull();
    }
  });
});

describe('validation', () => {
  test('a malformed envelope is 400 naming the failing field and the reason', async () => {
    const response = await api.post('/query', { range: { from: 'yesterday-ish', to: range.to }, queries: [{ refId: 'A' }] });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'range.from', reason: 'must be an ISO-8601 time or epoch milliseconds in the years 0001-9999' }]);
  });

  test('one invalid query fails alone; the others answer', async () => {
    const response = await query([
      { refId: 'bad', queryType: 'candles', symbols: [] },
      { refId: 'worse', queryType: 'drop table', symbols: ['AAA'] },
      { refId: 'good', queryType: 'price', symbols: ['AAA'] },
    ]);
    expect(response.status).toBe(200);
    expect(response.body.results.bad).toMatchObject({ status: 400, error: 'queries.0.symbols: choose at least one symbol', frames: [] });
    expect(response.body.results.worse.status).toBe(400);
    expect(response.body.results.worse.error).toMatch(/^queries\.1\.queryType: /);
    expect(response.body.results.good.frames).toHaveLength(1);
  });

  test('range, batch and body size caps', async () => {
    const tooLong = await api.post('/query', { range: { from: 0, to: 6 * 366 * 86_400_000 }, queries: [{ refId: 'A' }] });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.details[0]).toMatchObject({ field: 'range' });
    const tooMany = await api.post('/query', { range, queries: Array.from({ length: 27 }, (_, i) => ({ refId: `Q${i}` })) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.details[0]).toEqual({ field: 'queries', reason: 'at most 26 queries per request' });
    const huge = await api.post('/query', { range, queries: [{ refId: 'A', queryType: 'candles', symbols: ['x'.repeat(300_000)] }] });
    expect(huge.status).toBe(413);
    const notJson = await api.post('/query', '{"range": ');
    expect(notJson.status).toBe(400);
    expect(notJson.body.error).toBe('The request body is not valid JSON.');
    for (const answer of [tooLong, tooMany, huge, notJson]) expect(answer.text).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  test('hostile values travel as parameters: injection text matches nothing; quotes are refused', async () => {
    const response = await query([
      { refId: 'A', queryType: 'price', symbols: ['AAA OR TRUE', 'AAA -- comment'] },
      { refId: 'B', queryType: 'price', symbols: ["AAA' OR '1'='1"] },
    ]);
    expect(response.status).toBe(200);
    expect(response.body.results.A).toEqual({ frames: [], status: 200 });
    expect(response.body.results.B.status).toBe(400);
  });
});
