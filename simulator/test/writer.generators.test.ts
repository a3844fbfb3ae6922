// The pure generators, without a database: exact determinism, invariants, accounting and resumption.
import { simulationConfig } from '../src/writer/dataWriter';
import { createPatternWindow, detectCandlestick, detectChartPatterns, PATTERN_NAMES, type PatternWindow } from '../src/writer/patterns';
import { applyFill, createPortfolio, valuePortfolio } from '../src/writer/portfolio';
import { seasonality } from '../src/writer/priceProcess';
import { Random } from '../src/writer/random';
import { emptyBatch, MINUTE_MS, Simulation, type RowBatch } from '../src/writer/simulation';
import { defaultSymbols, SYMBOL_CATALOG } from '../src/writer/symbols';

const START = Date.UTC(2026, 0, 5); // a Monday
const DAY = 86_400_000;

function generate(seed: number, days: number, symbols = 5): { batch: RowBatch; simulation: Simulation } {
  const simulation = Simulation.start(simulationConfig({ seed, symbols }), START);
  return { batch: simulation.runUntil(START + days * DAY, emptyBatch()), simulation };
}

describe('Random', () => {
  test('is exactly reproducible for a seed', () => {
    const r = Random.fromSeed(42);
    expect([r.next(), r.next(), r.next()]).toEqual([0.6369025248568505, 0.35143841919489205, 0.08570450521074235]);
  });

  test('different seeds give different streams; the state resumes the stream', () => {
    const a = Random.fromSeed(1);
    const b = Random.fromSeed(2);
    expect(a.next()).not.toBe(b.next());
    const resumed = new Random(a.state());
    expect(resumed.next()).toBe(a.next());
  });

  test('normal draws have mean ≈ 0 and variance ≈ 1', () => {
    const r = Random.fromSeed('normal');
    let sum = 0;
    let squares = 0;
    const n = 50_000;
    for (let i = 0; i < n; i++) {
      const x = r.normal();
      sum += x;
      squares += x * x;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.02);
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.03);
  });
});

describe('simulation determinism', () => {
  const { batch } = generate(7, 2);

  test('exact values for seed 7', () => {
    expect(batch.candles[0]).toEqual({ time: START, symbol: 'BTCUSD', open: 67000, high: 67036.44, low: 66917.53, close: 66937.2, volume: 35.4646 });
    expect(batch.candles.at(-1)).toEqual({ time: START + 2 * DAY - MINUTE_MS, symbol: 'MSFT', open: 425.5, high: 425.53, low: 425.5, close: 425.53, volume: 1403 });
    expect(batch.trades[0]).toEqual({
      time: 1767586319000, tradeId: 1, strategy: 'breakout', symbol: 'SOLUSD', side: 'sell', quantity: 665.779, price: 150.18, fee: 99.98669, realizedPnl: 0,
    });
    expect(batch.sentiment[0]).toEqual({ time: START, symbol: 'BTCUSD', source: 'twitter', score: 0.3536, confidence: 0.703, mentions: 198 });
    expect(batch.equity.at(-1)).toMatchObject({ strategy: 'pairs', equity: 1001206.85, realizedPnl: 4802.54, openPositions: 0 });
    expect({ trades: batch.trades.length, patterns: batch.patterns.length }).toEqual({ trades: 100, patterns: 59 });
  });

  test('the same seed gives identical rows; another seed different ones', () => {
    expect(generate(7, 2).batch).toEqual(batch);
    const other = generate(8, 2).batch;
    expect(other.candles[0].close).not.toBe(batch.candles[0].close);
    expect(other.candles.length).toBe(batch.candles.length);
  });

  test('resuming from a JSON checkpoint continues bit-for-bit', () => {
    const first = Simulation.start(simulationConfig({ seed: 7, symbols: 5 }), START);
    const part1 = first.runUntil(START + DAY, emptyBatch());
    const stored = JSON.parse(JSON.stringify(first.checkpoint()));
    const part2 = new Simulation(stored).runUntil(START + 2 * DAY, emptyBatch());
    for (const table of Object.keys(batch) as (keyof RowBatch)[]) {
      expect([...part1[table], ...part2[table]]).toEqual(batch[table]);
    }
  });
});

describe('row invariants over 3 days of 20 symbols', () => {
  const { batch, simulation } = generate(11, 3, 20);

  test('row counts: one candle per symbol-minute, one equity snapshot per strategy-minute, sentiment every 15 minutes', () => {
    expect(batch.candles).toHaveLength(20 * 3 * 1440);
    expect(batch.equity).toHaveLength(4 * 3 * 1440);
    expect(batch.sentiment).toHaveLength(20 * 3 * 3 * 96);
  });

  // Loops collect offenders and assert once: an expect() per row would take a minute for 86k candles.
  test('OHLC is consistent and volume positive', () => {
    const bad = batch.candles.filter((c) => !(c.high >= Math.max(c.open, c.close) && c.low <= Math.min(c.open, c.close) && c.low > 0 && c.volume > 0));
    expect(bad).toEqual([]);
  });

  test('each candle opens at the previous close of its symbol', () => {
    const lastClose = new Map<string, number>();
    const gaps = batch.candles.filter((c) => {
      const previous = lastClose.get(c.symbol);
      lastClose.set(c.symbol, c.close);
      return previous !== undefined && previous !== c.open;
    });
    expect(gaps).toEqual([]);
  });

  test('patterns and sentiment stay in range, at a believable rate', () => {
    expect(batch.patterns.filter((p) => !PATTERN_NAMES.includes(p.pattern) || !(p.confidence >= 0 && p.confidence <= 1))).toEqual([]);
    expect(new Set(batch.patterns.map((p) => p.pattern)).size).toBeGreaterThanOrEqual(5);
    const perSymbolDay = batch.patterns.length / 20 / 3;
    expect(perSymbolDay).toBeGreaterThan(1);
    expect(perSymbolDay).toBeLessThan(30);
    const outOfRange = batch.sentiment.filter(
      (s) => !(Math.abs(s.score) <= 1 && s.confidence >= 0 && s.confidence <= 1 && Number.isInteger(s.mentions) && s.mentions >= 0),
    );
    expect(outOfRange).toEqual([]);
  });

  test('P&L reconciles: equity = capital + Σ realized − Σ fees + unrealized, per strategy', () => {
    for (const strategy of simulation.state.strategies) {
      const trades = batch.trades.filter((t) => t.strategy === strategy.name);
      expect(trades.length).toBeGreaterThan(0);
      const realized = trades.reduce((sum, t) => sum + t.realizedPnl, 0);
      const fees = trades.reduce((sum, t) => sum + t.fee, 0);
      const last = batch.equity.filter((e) => e.strategy === strategy.name).at(-1)!;
      // Rows are rounded (fees and P&L to 1e-6, equity to cents), so allow a few cents over all trades.
      expect(Math.abs(last.equity - (1_000_000 + realized - fees + last.unrealizedPnl))).toBeLessThan(0.05);
      expect(Math.abs(last.realizedPnl - realized)).toBeLessThan(0.01);
      expect(trades.map((t) => t.tradeId)).toEqual(trades.map((_, i) => i + 1));
    }
  });
});

describe('portfolio accounting', () => {
  test('open, add, reduce, reverse and close a position with exact cash, fees and realized P&L', () => {
    const p = createPortfolio(10_000);
    expect(applyFill(p, 'X', 10, 100, 0.001)).toEqual({ side: 'buy', quantity: 10, price: 100, fee: 1, realizedPnl: 0 });
    applyFill(p, 'X', 10, 110, 0); // add: average 105
    expect(p.positions.X).toEqual({ quantity: 20, averagePrice: 105 });
    expect(applyFill(p, 'X', -5, 120, 0).realizedPnl).toBe(75);
    const reverse = applyFill(p, 'X', -25, 100, 0); // close 15 at a loss of 5 each, then short 10 at 100
    expect(reverse.realizedPnl).toBe(-75);
    expect(p.positions.X).toEqual({ quantity: -10, averagePrice: 100 });
    const v = valuePortfolio(p, { X: 90 });
    expect(v).toEqual({ equity: p.cash - 900, unrealizedPnl: 100, grossExposure: 900, netExposure: -900, openPositions: 1 });
    expect(v.equity).toBeCloseTo(p.initialCash + p.realizedPnl - p.fees + v.unrealizedPnl, 9);
    applyFill(p, 'X', 10, 90, 0);
    expect(p.positions.X).toBeUndefined();
    expect(p.cash).toBeCloseTo(10_000 + 75 - 75 + 100 - 1, 9);
  });
});

describe('pattern detection', () => {
  function windowOf(candles: [number, number, number, number][]): PatternWindow {
    const w = createPatternWindow();
    for (const [o, h, l, c] of candles) {
      w.open.push(o);
      w.high.push(h);
      w.low.push(l);
      w.close.push(c);
    }
    return w;
  }

  test('a bullish engulfing after a decline', () => {
    const falling: [number, number, number, number][] = Array.from({ length: 20 }, (_, i) => {
      const o = 100 - i * 0.5;
      return [o, o + 0.2, o - 0.7, o - 0.5];
    });
    const prev = falling[19][3];
    const w = windowOf([...falling, [prev, prev + 0.1, prev - 0.4, prev - 0.3], [prev - 0.5, prev + 1.6, prev - 0.6, prev + 1.5]]);
    expect(detectCandlestick(w)).toEqual([expect.objectContaining({ pattern: 'engulfing', direction: 'bullish' })]);
  });

  test('a double top confirmed by a close below the neckline', () => {
    const closes = [
      ...Array.from({ length: 9 }, (_, i) => 101 + 0.5 * i), // up to the first top, 105 (index 8)
      ...Array.from({ length: 8 }, (_, i) => 104.5 - 0.5 * i), // down to the neckline, 101 (index 16)
      ...Array.from({ length: 8 }, (_, i) => 101.5 + 0.5 * i), // up to the second top, 105 (index 24)
      ...Array.from({ length: 14 }, (_, i) => 104.72 - 0.28 * i), // drifting down towards the neckline
      100.5, // closes below it
    ];
    const w = windowOf(closes.map((c, i) => {
      const o = i === 0 ? c : closes[i - 1];
      const peakWick = i === 8 || i === 24 ? 0.3 : 0;
      return [o, Math.max(o, c) + 0.05 + peakWick, Math.min(o, c) - 0.05, c];
    }));
    expect(detectChartPatterns(w).map((d) => [d.pattern, d.direction])).toEqual([['double_top', 'bearish']]);
  });
});

test('seasonality: equities are busy in the US session and quiet at weekends; crypto trades around the clock', () => {
  const monday = Date.UTC(2026, 0, 5);
  expect(seasonality('equity', monday + 14 * 3_600_000)).toBeGreaterThan(1);
  expect(seasonality('equity', monday + 3 * 3_600_000)).toBeLessThan(0.2);
  expect(seasonality('equity', monday - DAY + 15 * 3_600_000)).toBe(0.03); // Sunday
  expect(seasonality('crypto', monday - DAY + 15 * 3_600_000)).toBeGreaterThan(0.5);
});

test('defaultSymbols: catalog first, synthetic tickers beyond it', () => {
  expect(defaultSymbols(20).map((s) => s.symbol).slice(0, 4)).toEqual(['BTCUSD', 'ETHUSD', 'SOLUSD', 'AAPL']);
  const many = defaultSymbols(55);
  expect(many).toHaveLength(55);
  expect(new Set(many.map((s) => s.symbol)).size).toBe(55);
  expect(many[SYMBOL_CATALOG.length].symbol).toBe('SYM031');
});
