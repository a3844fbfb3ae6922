// The query API on data written by the emulator (fixed seed): every query type's numbers equal an independent
// computation over the raw rows read back from the same database (test/query-support/expectations.ts).
import { Client } from 'pg';
import { migrate } from '../../simulator/src/db/migrate';
import { createDataWriter } from '../../simulator/src/writer/dataWriter';
import { createTestDatabase, type TestDatabase } from '../../test-support/database';
import { planBuckets } from '../src/query/buckets';
import { expectedCandles, expectedDrawdown, expectedEquity, expectedPatternCounts, expectedPnl, expectedSentiment, expectedSummary } from './query-support/expectations';
import type { Fixture } from './query-support/fixture';
import { type TestServer, startQueryServer } from './query-support/server';

const END = Date.UTC(2026, 0, 10);
const FROM = END - 2 * 86_400_000;
const range = { from: new Date(FROM).toISOString(), to: new Date(END - 1).toISOString() };
let database: TestDatabase;
let api: TestServer;
let rows: Fixture;
let symbols: string[];
let strategies: string[];

const ms = (value: Date) => value.getTime();

async function readBack(url: string): Promise<Fixture> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (text: string) => (await client.query(text)).rows;
    return {
      candles: (await q('SELECT * FROM alphapulse.candles ORDER BY symbol, time')).map((r) => ({ ...r, time: ms(r.time) })),
      trades: (await q('SELECT * FROM alphapulse.trades ORDER BY strategy, time, trade_id')).map((r) => ({ ...r, time: ms(r.time), trade_id: Number(r.trade_id) })),
      equity: (await q('SELECT time, strategy, equity FROM alphapulse.equity_snapshots ORDER BY strategy, time')).map((r) => ({ ...r, time: ms(r.time) })),
      patterns: (await q('SELECT * FROM alphapulse.patterns ORDER BY time')).map((r) => ({ ...r, time: ms(r.time) })),
      sentiment: (await q('SELECT * FROM alphapulse.sentiment ORDER BY time')).map((r) => ({ ...r, time: ms(r.time) })),
    };
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  database = await createTestDatabase('query_emulator');
  await migrate(database.url);
  await createDataWriter({ databaseUrl: database.url, seed: 7, symbols: 3 }).backfill({ days: 2, end: new Date(END) });
  rows = await readBack(database.url);
  symbols = [...new Set(rows.candles.map((r) => r.symbol))].sort();
  strategies = [...new Set(rows.equity.map((r) => r.strategy))].sort();
  api = await startQueryServer({ databaseUrl: database.url });
});

afterAll(async () => {
  await api?.close();
  await database?.drop();
});

const byName = (frames: any[], name: string) => frames.find((frame) => frame.name === name);
const rowsOf = (frame: any) =>
  Array.from({ length: frame.fields[0].values.length }, (_, i) => Object.fromEntries(frame.fields.map((f: any) => [f.name, f.values[i]])));

function expectClose(actual: Record<string, unknown>[], expected: Record<string, number | null>[]) {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((row, i) => {
    for (const [key, value] of Object.entries(row)) {
      if (value === null) expect(actual[i][key]).toBeNull();
      else expect(actual[i][key]).toBeCloseTo(value, 8);
    }
  });
}

test('the emulator wrote every kind of row', () => {
  expect(symbols).toHaveLength(3);
  expect(strategies.length).toBeGreaterThan(0);
  for (const kind of ['candles', 'trades', 'equity', 'patterns', 'sentiment'] as const) expect(rows[kind].length).toBeGreaterThan(0);
});

test.each([
  [200, 60_000],
  [1000, 60_000],
  [40, 3_600_000],
])('every series query type equals the independent computation (maxDataPoints %i, interval %i ms)', async (maxDataPoints, intervalMs) => {
  const plan = planBuckets({ fromMs: FROM, toMs: END - 1, intervalMs, maxDataPoints, resolutionMs: 60_000 });
  const response = await api.post('/query', {
    range,
    intervalMs,
    maxDataPoints,
    queries: [
      { refId: 'candles', queryType: 'candles', symbols },
      { refId: 'equity', queryType: 'equity' },
      { refId: 'pnl', queryType: 'pnl', pnlMode: 'cumulative' },
      { refId: 'pnlBucket', queryType: 'pnl', pnlMode: 'perBucket' },
      { refId: 'drawdown', queryType: 'drawdown' },
      { refId: 'patterns', queryType: 'patternCounts', minConfidence: 0.6 },
      { refId: 'sentiment', queryType: 'sentiment', symbols, sources: ['twitter', 'news', 'reddit'] },
      { refId: 'mentions', queryType: 'mentions', symbols },
    ],
  });
  expect(response.status).toBe(200);
  const results = response.body.results;
  for (const [refId, result] of Object.entries<any>(results)) {
    // Shows the API's message if a query failed.
    expect({ refId, status: result.status, error: result.error }).toEqual({ refId, status: 200, error: undefined });
    for (const frame of result.frames) expect(frame.fields[0].values.length).toBeLessThanOrEqual(maxDataPoints);
  }
  const window = [plan.fromMs, plan.toMs, plan.bucketMs] as const;
  for (const symbol of symbols) {
    expectClose(rowsOf(byName(results.candles.frames, symbol)), expectedCandles(rows.candles, symbol, ...window));
    expectClose(
      rowsOf(byName(results.mentions.frames, symbol)).map(({ time, mentions }) => ({ time, mentions })) as any,
      expectedSentiment(rows.sentiment, symbol, null, ...window).map(({ time, mentions }) => ({ time, mentions })),
    );
    for (const source of ['news', 'reddit', 'twitter']) {
      expectClose(
        rowsOf(byName(results.sentiment.frames, `${symbol} ${source}`)) as any,
        expectedSentiment(rows.sentiment, symbol, source, ...window).map(({ time, score }) => ({ time, score })),
      );
    }
  }
  for (const strategy of strategies) {
    expectClose(rowsOf(byName(results.equity.frames, strategy)), expectedEquity(rows.equity, strategy, ...window));
    expectClose(rowsOf(byName(results.drawdown.frames, strategy)), expectedDrawdown(rows.equity, strategy, ...window));
    const trades = rows.trades.filter((t) => t.strategy === strategy);
    if (trades.length > 0) {
      expectClose(rowsOf(byName(results.pnl.frames, strategy)), expectedPnl(rows.trades, strategy, ...window, true));
      expectClose(rowsOf(byName(results.pnlBucket.frames, strategy)), expectedPnl(rows.trades, strategy, ...window, false));
    }
  }
  for (const frame of results.patterns.frames) {
    expect(rowsOf(frame)).toEqual(expectedPatternCounts(rows.patterns, frame.name, 0.6, ...window));
  }
  const patternTypes = new Set(rows.patterns.filter((p) => p.confidence >= 0.6 && p.time >= plan.fromMs && p.time < plan.toMs).map((p) => p.pattern));
  expect(results.patterns.frames.map((f: any) => f.name).sort()).toEqual([...patternTypes].sort());
});

test('strategy summary, trades and pattern tables equal the independent computation', async () => {
  const response = await api.post('/query', {
    range,
    queries: [
      { refId: 'summary', queryType: 'strategySummary' },
      { refId: 'trades', queryType: 'trades', symbols: [symbols[0]] },
      { refId: 'patterns', queryType: 'patternTable', minConfidence: 0.8 },
    ],
  });
  const { summary, trades, patterns } = response.body.results;
  for (const row of rowsOf(summary.frames[0])) {
    const expected = expectedSummary(rows, row.Strategy as string, FROM, END - 1);
    expect(row.Trades).toBe(expected.trades);
    const pick = (r: any) => [r.winRate, r.profitFactor, r.avgWin, r.avgLoss, r.netPnl, r.sharpe, r.sortino, r.maxDrawdown];
    const actual = [row['Win rate'], row['Profit factor'], row['Average win'], row['Average loss'], row['Net P&L'], row.Sharpe, row.Sortino, row['Max drawdown']];
    const wanted = pick(expected).map((v: number | null) => (v === null || Number.isNaN(v) || !Number.isFinite(v) ? null : v));
    expectClose([Object.fromEntries(actual.map((v, i) => [i, v]))], [Object.fromEntries(wanted.map((v: number | null, i: number) => [i, v]))]);
  }
  const expectedTrades = rows.trades.filter((t) => t.symbol === symbols[0] && t.time >= FROM && t.time <= END - 1).sort((a, b) => b.time - a.time || b.trade_id - a.trade_id);
  expect(trades.frames[0].fields.find((f: any) => f.name === 'Trade').values).toEqual(expectedTrades.map((t) => String(t.trade_id)));
  const expectedPatterns = rows.patterns.filter((p) => p.confidence >= 0.8 && p.time >= FROM && p.time <= END - 1);
  expect(patterns.frames[0].fields[0].values).toHaveLength(expectedPatterns.length);
});
