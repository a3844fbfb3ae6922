// The plain-PostgreSQL stand-ins for the continuous aggregates, checked against hand-computed answers.
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../test-support/database';
import { migrate } from '../src/db/migrate';

let db: TestDatabase;
let client: Client;

beforeAll(async () => {
  db = await createTestDatabase('db_aggregates');
  await migrate(db.url);
  client = new Client({ connectionString: db.url });
  await client.connect();
  // Two hours of BTCUSD (10:00–11:59 in four 30-minute steps) across a day boundary for the daily view.
  await client.query(`INSERT INTO alphapulse.candles (time, symbol, open, high, low, close, volume) VALUES
    ('2026-03-01 10:00Z', 'BTCUSD', 100, 105, 99, 104, 1),
    ('2026-03-01 10:30Z', 'BTCUSD', 104, 110, 103, 108, 2),
    ('2026-03-01 11:00Z', 'BTCUSD', 108, 109, 90, 95, 3),
    ('2026-03-01 11:59Z', 'BTCUSD', 95, 97, 94, 96, 4),
    ('2026-03-02 00:00Z', 'BTCUSD', 96, 98, 96, 97, 5),
    ('2026-03-01 10:00Z', 'ETHUSD', 10, 11, 9, 10.5, 7)`);
  await client.query(`INSERT INTO alphapulse.trades (time, trade_id, strategy, symbol, side, quantity, price, fee, realized_pnl) VALUES
    ('2026-03-01 09:00Z', 1, 'momentum', 'BTCUSD', 'buy', 1, 100, 0.5, 0),
    ('2026-03-01 15:00Z', 2, 'momentum', 'BTCUSD', 'sell', 1, 110, 0.5, 10),
    ('2026-03-01 16:00Z', 3, 'momentum', 'AAPL', 'sell', 2, 50, 0.25, -4),
    ('2026-03-02 01:00Z', 4, 'momentum', 'AAPL', 'buy', 2, 48, 0.25, 4)`);
  await client.query(`INSERT INTO alphapulse.equity_snapshots (time, strategy, equity, cash, unrealized_pnl, realized_pnl, gross_exposure, net_exposure, open_positions) VALUES
    ('2026-03-01 00:00Z', 'pairs', 1000, 1000, 0, 0, 0, 0, 0),
    ('2026-03-01 12:00Z', 'pairs', 1100, 900, 200, 0, 200, 200, 1),
    ('2026-03-01 23:59Z', 'pairs', 1050, 1050, 0, 50, 0, 0, 0)`);
  await client.query(`INSERT INTO alphapulse.sentiment (time, symbol, source, score, confidence, mentions) VALUES
    ('2026-03-01 10:00Z', 'AAPL', 'news', 0.5, 1.0, 10),
    ('2026-03-01 10:15Z', 'AAPL', 'news', -0.5, 0.5, 20),
    ('2026-03-01 11:00Z', 'AAPL', 'news', 0.2, 0.8, 5)`);
});

afterAll(async () => {
  await client.end();
  await db.drop();
});

test('candles_1h: first open, max high, min low, last close, summed volume per hour', async () => {
  const { rows } = await client.query(`SELECT bucket, open, high, low, close, volume FROM alphapulse.candles_1h
                                       WHERE symbol = 'BTCUSD' ORDER BY bucket`);
  expect(rows).toEqual([
    { bucket: new Date('2026-03-01T10:00:00Z'), open: 100, high: 110, low: 99, close: 108, volume: 3 },
    { bucket: new Date('2026-03-01T11:00:00Z'), open: 108, high: 109, low: 90, close: 96, volume: 7 },
    { bucket: new Date('2026-03-02T00:00:00Z'), open: 96, high: 98, low: 96, close: 97, volume: 5 },
  ]);
});

test('candles_1d: UTC days', async () => {
  const { rows } = await client.query(`SELECT symbol, bucket, open, high, low, close, volume FROM alphapulse.candles_1d ORDER BY symbol, bucket`);
  expect(rows).toEqual([
    { symbol: 'BTCUSD', bucket: new Date('2026-03-01T00:00:00Z'), open: 100, high: 110, low: 90, close: 96, volume: 10 },
    { symbol: 'BTCUSD', bucket: new Date('2026-03-02T00:00:00Z'), open: 96, high: 98, low: 96, close: 97, volume: 5 },
    { symbol: 'ETHUSD', bucket: new Date('2026-03-01T00:00:00Z'), open: 10, high: 11, low: 9, close: 10.5, volume: 7 },
  ]);
});

test('strategy_pnl_daily: trades, realized P&L, fees, net, wins and losses per day', async () => {
  const { rows } = await client.query(`SELECT bucket, strategy, trades::int, realized_pnl, fees, net_pnl, winning_trades::int, losing_trades::int
                                       FROM alphapulse.strategy_pnl_daily ORDER BY bucket`);
  expect(rows).toEqual([
    { bucket: new Date('2026-03-01T00:00:00Z'), strategy: 'momentum', trades: 3, realized_pnl: 6, fees: 1.25, net_pnl: 4.75, winning_trades: 1, losing_trades: 1 },
    { bucket: new Date('2026-03-02T00:00:00Z'), strategy: 'momentum', trades: 1, realized_pnl: 4, fees: 0.25, net_pnl: 3.75, winning_trades: 1, losing_trades: 0 },
  ]);
});

test('equity_daily: open, close, extremes and P&L of the day', async () => {
  const { rows } = await client.query(`SELECT strategy, open_equity, close_equity, max_equity, min_equity, pnl FROM alphapulse.equity_daily`);
  expect(rows).toEqual([{ strategy: 'pairs', open_equity: 1000, close_equity: 1050, max_equity: 1100, min_equity: 1000, pnl: 50 }]);
});

test('sentiment_1h: mean and confidence-weighted score, mentions and samples per hour', async () => {
  const { rows } = await client.query(`SELECT bucket, avg_score, weighted_score, avg_confidence, mentions::int, samples::int
                                       FROM alphapulse.sentiment_1h WHERE symbol = 'AAPL' AND source = 'news' ORDER BY bucket`);
  expect(rows).toHaveLength(2);
  expect(rows[0].bucket).toEqual(new Date('2026-03-01T10:00:00Z'));
  expect(rows[0].avg_score).toBeCloseTo(0, 12);
  expect(rows[0].weighted_score).toBeCloseTo((0.5 * 1 - 0.5 * 0.5) / 1.5, 12);
  expect(rows[0].avg_confidence).toBeCloseTo(0.75, 12);
  expect(rows[0]).toMatchObject({ mentions: 30, samples: 2 });
  expect(rows[1]).toMatchObject({ avg_score: 0.2, mentions: 5, samples: 1 });
});

test('CHECK constraints reject impossible rows', async () => {
  await expect(client.query(`INSERT INTO alphapulse.patterns (time, symbol, pattern, direction, confidence, price)
                             VALUES (now(), 'AAPL', 'doji', 'bullish', 1.2, 100)`)).rejects.toThrow(/patterns_confidence_range/);
  await expect(client.query(`INSERT INTO alphapulse.sentiment (time, symbol, source, score, confidence, mentions)
                             VALUES (now(), 'AAPL', 'news', -1.5, 0.5, 1)`)).rejects.toThrow(/sentiment_score_range/);
  await expect(client.query(`INSERT INTO alphapulse.candles (time, symbol, open, high, low, close, volume)
                             VALUES (now(), 'AAPL', 10, 9, 8, 9.5, 1)`)).rejects.toThrow(/candles_ohlc_consistent/);
});
