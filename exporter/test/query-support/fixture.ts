// A small deterministic dataset for the query API tests, generated here so the expected numbers can be computed
// independently in plain TypeScript (expectations.ts). Values are multiples of powers of two, so sums are exact.
import { Client } from 'pg';

export const T0 = Date.UTC(2026, 0, 5); // a Monday, 00:00 UTC
export const MINUTE = 60_000;
export const DAYS = 3;
export const SYMBOLS = ['AAA', 'BBB'] as const;
export const STRATEGIES = ['alpha', 'beta'] as const;
export const PATTERNS = ['double_top', 'engulfing', 'head_and_shoulders'] as const;
export const SOURCES = ['news', 'reddit', 'twitter'] as const;

export interface CandleRow { time: number; symbol: string; open: number; high: number; low: number; close: number; volume: number }
export interface TradeRow { time: number; trade_id: number; strategy: string; symbol: string; side: 'buy' | 'sell'; quantity: number; price: number; fee: number; realized_pnl: number }
export interface EquityRow { time: number; strategy: string; equity: number }
export interface PatternRow { time: number; symbol: string; pattern: string; direction: 'bullish' | 'bearish'; confidence: number; price: number }
export interface SentimentRow { time: number; symbol: string; source: string; score: number; confidence: number; mentions: number }

export interface Fixture {
  candles: CandleRow[];
  trades: TradeRow[];
  equity: EquityRow[];
  patterns: PatternRow[];
  sentiment: SentimentRow[];
}

/** Park–Miller LCG: tiny, deterministic, good enough for test data. */
function lcg(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 48271) % 2147483647;
    return state % n;
  };
}

export function buildFixture(): Fixture {
  const next = lcg(20260105);
  const minutes = DAYS * 24 * 60;
  const candles: CandleRow[] = [];
  const trades: TradeRow[] = [];
  const equity: EquityRow[] = [];
  const patterns: PatternRow[] = [];
  const sentiment: SentimentRow[] = [];
  const lastClose: Record<string, number> = {};
  SYMBOLS.forEach((symbol, s) => {
    let close = 100 * (s + 1);
    for (let i = 0; i < minutes; i++) {
      const open = close;
      close = open + (next(17) - 8) / 8;
      const high = Math.max(open, close) + next(4) / 4;
      const low = Math.min(open, close) - next(4) / 4;
      candles.push({ time: T0 + i * MINUTE, symbol, open, high, low, close, volume: 1 + next(100) });
      if (i % 17 === 5) {
        const pattern = PATTERNS[next(3)];
        patterns.push({ time: T0 + i * MINUTE, symbol, pattern, direction: next(2) ? 'bullish' : 'bearish', confidence: (1 + next(16)) / 16, price: close });
      }
      if (i % 15 === 0) {
        for (const source of SOURCES) {
          sentiment.push({ time: T0 + i * MINUTE, symbol, source, score: (next(17) - 8) / 8, confidence: (1 + next(8)) / 8, mentions: next(50) });
        }
      }
    }
    lastClose[symbol] = close;
  });
  let tradeId = 1;
  STRATEGIES.forEach((strategy, s) => {
    const every = s === 0 ? 37 : 53;
    for (let i = 3; i < minutes; i += every) {
      const symbol = SYMBOLS[s];
      const sell = ((i - 3) / every) % 2 === 1;
      trades.push({
        time: T0 + i * MINUTE + 30_000,
        trade_id: tradeId++,
        strategy,
        symbol,
        side: sell ? 'sell' : 'buy',
        quantity: 1 + next(3),
        price: candles.find((c) => c.symbol === symbol && c.time === T0 + i * MINUTE)!.close,
        fee: 0.125,
        realized_pnl: sell ? (next(41) - 20) / 4 : 0,
      });
    }
    let value = 10_000;
    for (let i = 0; i < minutes; i += 15) {
      value += (next(21) - 10) / 2;
      equity.push({ time: T0 + i * MINUTE, strategy, equity: value });
    }
  });
  return { candles, trades, equity, patterns, sentiment };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Inserts the fixture with one statement per table (unnest of arrays): fast and still parameterised. */
export async function insertFixture(databaseUrl: string, fixture: Fixture): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const c = fixture.candles;
    await client.query(
      `INSERT INTO alphapulse.candles (time, symbol, timeframe, open, high, low, close, volume)
       SELECT t, s, '1m', o, h, l, c, v FROM unnest($1::timestamptz[], $2::text[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::float8[]) AS u(t, s, o, h, l, c, v)`,
      [c.map((r) => iso(r.time)), c.map((r) => r.symbol), c.map((r) => r.open), c.map((r) => r.high), c.map((r) => r.low), c.map((r) => r.close), c.map((r) => r.volume)],
    );
    const t = fixture.trades;
    await client.query(
      `INSERT INTO alphapulse.trades (time, trade_id, strategy, symbol, side, quantity, price, fee, realized_pnl)
       SELECT * FROM unnest($1::timestamptz[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[], $8::float8[], $9::float8[])`,
      [t.map((r) => iso(r.time)), t.map((r) => r.trade_id), t.map((r) => r.strategy), t.map((r) => r.symbol), t.map((r) => r.side), t.map((r) => r.quantity), t.map((r) => r.price), t.map((r) => r.fee), t.map((r) => r.realized_pnl)],
    );
    const e = fixture.equity;
    await client.query(
      `INSERT INTO alphapulse.equity_snapshots (time, strategy, equity, cash, unrealized_pnl, realized_pnl, gross_exposure, net_exposure, open_positions)
       SELECT t, s, q, q, 0, 0, 0, 0, 0 FROM unnest($1::timestamptz[], $2::text[], $3::float8[]) AS u(t, s, q)`,
      [e.map((r) => iso(r.time)), e.map((r) => r.strategy), e.map((r) => r.equity)],
    );
    const p = fixture.patterns;
    await client.query(
      `INSERT INTO alphapulse.patterns (time, symbol, timeframe, pattern, direction, confidence, price)
       SELECT t, s, '1m', n, d, c, p FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[]) AS u(t, s, n, d, c, p)`,
      [p.map((r) => iso(r.time)), p.map((r) => r.symbol), p.map((r) => r.pattern), p.map((r) => r.direction), p.map((r) => r.confidence), p.map((r) => r.price)],
    );
    const s = fixture.sentiment;
    await client.query(
      `INSERT INTO alphapulse.sentiment (time, symbol, source, score, confidence, mentions)
       SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::float8[], $5::float8[], $6::int[])`,
      [s.map((r) => iso(r.time)), s.map((r) => r.symbol), s.map((r) => r.source), s.map((r) => r.score), s.map((r) => r.confidence), s.map((r) => r.mentions)],
    );
  } finally {
    await client.end();
  }
}
