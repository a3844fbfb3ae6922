// The world snapshot the services report is exactly what the rows of the same simulation say (pure: no
// database), and an own world (no writer) is a function of the seed and the clock alone.
import fc from 'fast-check';
import { OWN_WORLD_WARMUP_MINUTES, snapshotOf, TradingWorld } from '../src/world/tradingWorld';
import { emptyBatch, MINUTE_MS, Simulation, worldConfig } from '../src/writer/simulation';

const START = Date.UTC(2026, 10, 25, 8);

test('snapshot = the latest equity rows, the peak of their sums, the latest sentiment rows, the counts of trades and patterns', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 400 }), (seed, symbols, minutes) => {
      const simulation = Simulation.start(worldConfig({ seed, symbols }), START);
      const rows = simulation.runUntil(START + minutes * MINUTE_MS, emptyBatch());
      const snapshot = snapshotOf(simulation);
      const lastTime = START + (minutes - 1) * MINUTE_MS;
      expect(snapshot.timeMs).toBe(lastTime);
      const latest = rows.equity.filter((row) => row.time === lastTime);
      expect(snapshot.strategies.map((s) => [s.name, s.equity, s.realizedPnl, s.unrealizedPnl, s.openPositions, s.grossExposure, s.netExposure])).toEqual(
        latest.map((r) => [r.strategy, r.equity, r.realizedPnl, r.unrealizedPnl, r.openPositions, r.grossExposure, r.netExposure]),
      );
      const totals = new Map<number, number>();
      for (const row of rows.equity) totals.set(row.time, (totals.get(row.time) ?? 0) + row.equity);
      const cents = (x: number) => Math.round(x * 100) / 100;
      const peak = Math.max(...[...totals.values()].map(cents));
      expect(snapshot.peakEquity).toBeCloseTo(peak, 6);
      expect(snapshot.totalEquity).toBeCloseTo(cents(totals.get(lastTime)!), 6);
      // Drawdown is the fall from the peak, 0–1, positive.
      expect(snapshot.drawdownRatio).toBeGreaterThanOrEqual(0);
      expect(snapshot.drawdownRatio).toBeCloseTo(1 - snapshot.totalEquity / peak, 9);
      expect(snapshot.fills).toBe(rows.trades.length);
      expect(snapshot.buys + snapshot.sells).toBe(rows.trades.length);
      expect(snapshot.buys).toBe(rows.trades.filter((t) => t.side === 'buy').length);
      expect(snapshot.losingCloses).toBe(rows.trades.filter((t) => t.realizedPnl < 0).length);
      expect(snapshot.patterns).toBe(rows.patterns.length);
      const lastSentiment = Math.max(...rows.sentiment.map((r) => r.time));
      expect(snapshot.sentiment).toEqual(rows.sentiment.filter((r) => r.time === lastSentiment));
      const net = latest.reduce((sum, r) => sum + r.netExposure, 0);
      expect(snapshot.netExposure).toBeCloseTo(net, 1);
    }),
    { numRuns: 25 },
  );
});

test('a checkpoint from before the tally existed resumes with the tally started afresh', () => {
  const simulation = Simulation.start(worldConfig({ seed: 5, symbols: 3 }), START);
  simulation.runUntil(START + 30 * MINUTE_MS);
  const old = simulation.checkpoint();
  delete old.world;
  const resumed = new Simulation(old);
  resumed.runUntil(START + 31 * MINUTE_MS);
  expect(snapshotOf(resumed).peakEquity).toBe(snapshotOf(resumed).totalEquity);
});

test('an own world depends only on the seed and the clock: read often or rarely, the numbers are the same', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1_000 }), fc.array(fc.integer({ min: 1, max: 180 }), { minLength: 1, maxLength: 6 }), (seed, steps) => {
      const often = new TradingWorld({ seed, symbols: 4 });
      const rarely = new TradingWorld({ seed, symbols: 4 });
      let now = START + 30_000;
      often.at(now);
      rarely.at(now);
      for (const seconds of steps) {
        for (let s = 0; s < seconds; s++) often.at((now += 1_000));
      }
      const { source: _a, ...a } = often.at(now);
      const { source: _b, ...b } = rarely.at(now);
      expect(a).toEqual(b);
    }),
    { numRuns: 15 },
  );
});

test('an own world is the writer simulation started the warm-up before the first look', () => {
  const first = START + 30_000;
  const world = new TradingWorld({ seed: 9, symbols: 5 });
  world.at(first);
  const later = world.at(first + 10 * MINUTE_MS);
  const simulation = Simulation.start(worldConfig({ seed: 9, symbols: 5 }), START - OWN_WORLD_WARMUP_MINUTES * MINUTE_MS);
  simulation.runUntil(START + 10 * MINUTE_MS);
  const { source: _s, ...expected } = snapshotOf(simulation);
  const { source: _t, ...actual } = later;
  expect(actual).toEqual(expected);
  // Past the warm-up, the strategies hold positions.
  expect(later.strategies.some((s) => s.openPositions > 0)).toBe(true);
});
