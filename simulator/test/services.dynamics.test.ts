// The emulated numbers behave like the real services': counters only grow, load follows the day,
// models decay and retrain, the risk manager agrees with the trading engine, faults degrade dependents.
import { SERVICE_KINDS, type ServiceKind } from '@alphapulse/contracts';
import { FaultStore } from '../src/faults/faultStore';
import { createManualClock } from '../src/services/clock';
import { Simulation } from '../src/services/simulation';

const FILLS_IN_AN_HOUR_AT_LEAST = 10;
const WEDNESDAY = (time: string) => Date.parse(`2026-11-25T${time}Z`);

function simulationAt(start: number, seed = 21) {
  const clock = createManualClock(start);
  const faults = new FaultStore(clock);
  return { clock, faults, simulation: new Simulation({ seed, clock, faults }) };
}

/** Numeric leaves of a payload by path, e.g. `channels.email.sent_total` or `latency_seconds.buckets[3].count`. */
function numericLeaves(value: unknown, path = '', out = new Map<string, number>()): Map<string, number> {
  if (typeof value === 'number') out.set(path, value);
  else if (Array.isArray(value)) value.forEach((item, i) => numericLeaves(item, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) numericLeaves(item, path ? `${path}.${key}` : key, out);
  }
  return out;
}

const isCounter = (path: string) =>
  /(_total|^error_count|^warning_count|^uptime)$/.test(path) ||
  /latency_seconds\.(count|sum)$/.test(path) ||
  /buckets\[\d+\]\.count$/.test(path) ||
  /^orders\[\d+\]\.count$/.test(path);

test('counters never decrease, over two simulated hours read every 20 s', () => {
  const { clock, simulation } = simulationAt(WEDNESDAY('13:00:00'));
  const previous = new Map<string, number>();
  let checked = 0;
  for (let read = 0; read < 360; read++) {
    clock.advance(20_000);
    for (const kind of SERVICE_KINDS) {
      for (const [what, payload] of [['health', simulation.health(kind)], ['stats', simulation.stats(kind)]] as const) {
        for (const [path, value] of numericLeaves(payload)) {
          if (!isCounter(path)) continue;
          const key = `${kind}.${what}.${path}`;
          const before = previous.get(key);
          if (before !== undefined && value < before) throw new Error(`${key} went down from ${before} to ${value}`);
          previous.set(key, value);
          checked++;
        }
      }
    }
  }
  expect(checked).toBeGreaterThan(360 * 9 * 10);
});

test('daytime load is higher than night-time load, and latency rises with it', () => {
  const measure = (start: number) => {
    const { clock, simulation } = simulationAt(start);
    const before = simulation.stats('trading_engine');
    clock.advance(10 * 60_000);
    const after = simulation.stats('trading_engine');
    return { requests: after.requests_total - before.requests_total, p50: after.latency_seconds.p50 ?? 0 };
  };
  const night = measure(WEDNESDAY('03:00:00'));
  const day = measure(WEDNESDAY('15:00:00'));
  expect(day.requests).toBeGreaterThan(1.5 * night.requests);
  expect(day.p50).toBeGreaterThan(night.p50);
});

test('model accuracy decays between retrains and jumps up on each successful retrain', () => {
  const { clock, simulation } = simulationAt(WEDNESDAY('10:00:00'), 4);
  const initial = simulation.stats('predictive_optimizer').models;
  let previous = initial;
  let retrains = 0;
  const trainedAccuracy = new Map(Object.entries(initial).map(([name, model]) => [name, model.accuracy]));
  for (let second = 0; second < 2 * 3600; second++) {
    clock.advance(1_000);
    const models = simulation.stats('predictive_optimizer').models;
    for (const [name, model] of Object.entries(models)) {
      if (model.last_retrain_time !== previous[name].last_retrain_time) {
        retrains++;
        expect(model.accuracy).toBeGreaterThan(previous[name].accuracy);
        expect(model.accuracy).toBeGreaterThanOrEqual(0.74);
        // Decayed since the model was last trained.
        expect(previous[name].accuracy).toBeLessThan(trainedAccuracy.get(name)!);
        trainedAccuracy.set(name, model.accuracy);
      }
    }
    previous = models;
  }
  expect(retrains).toBeGreaterThanOrEqual(4);
});

test('an error burst raises error_count and shows as degraded while it lasts', () => {
  const { clock, simulation } = simulationAt(WEDNESDAY('09:00:00'), 9);
  const bursts: { kind: ServiceKind; errorsBefore: number }[] = [];
  let confirmed = 0;
  for (let read = 0; read < 6 * 360 && confirmed === 0; read++) {
    const before = new Map(SERVICE_KINDS.map((kind) => [kind, simulation.health(kind).error_count]));
    clock.advance(10_000);
    for (const kind of SERVICE_KINDS) {
      if (!simulation.statusReasons(kind).includes('error burst')) continue;
      const health = simulation.health(kind);
      expect(health.status).toBe('degraded');
      bursts.push({ kind, errorsBefore: before.get(kind)! });
      // 10 s inside a burst adds at least one error per second.
      if (health.error_count - before.get(kind)! >= 10) confirmed++;
    }
  }
  expect(bursts.length).toBeGreaterThan(0);
  expect(confirmed).toBeGreaterThan(0);
});

test('risk drawdown is the fall of the trading engine equity from the market peak; fills match filled orders', () => {
  const { clock, simulation } = simulationAt(WEDNESDAY('14:00:00'), 6);
  let seenPeak = simulation.stats('trading_engine').equity;
  for (let second = 0; second < 3600; second++) {
    clock.advance(1_000);
    const trading = simulation.stats('trading_engine');
    const { peakEquity } = simulation.market;
    seenPeak = Math.max(seenPeak, trading.equity);
    // The peak is the market's since it began (before this service's start too), so never below what was seen.
    expect(peakEquity).toBeGreaterThanOrEqual(seenPeak);
    const risk = simulation.stats('risk_manager');
    expect(risk.current_drawdown_ratio).toBeCloseTo(1 - trading.equity / peakEquity, 6);
    expect(risk.max_drawdown_ratio).toBeGreaterThanOrEqual(risk.current_drawdown_ratio);
  }
  const trading = simulation.stats('trading_engine');
  const filledOrders = trading.orders
    .filter((order) => order.status === 'filled' || order.status === 'partially_filled')
    .reduce((sum, order) => sum + order.count, 0);
  expect(trading.fills_total).toBe(filledOrders);
  // Strategies rebalance when their minute signals change: a few dozen fills an hour over 20 symbols.
  expect(trading.fills_total).toBeGreaterThan(FILLS_IN_AN_HOUR_AT_LEAST);
  const strategyEquity = Object.values(trading.strategies).reduce((sum, s) => sum + s.equity, 0);
  expect(strategyEquity).toBeCloseTo(trading.equity, 1);
  const risk = simulation.stats('risk_manager');
  const netFromPositions = Object.values(risk.position_sizes).reduce((sum, notional) => sum + notional, 0);
  expect(netFromPositions).toBeCloseTo(risk.net_exposure, 0);
});

test('the distributed processor queue comes in waves', () => {
  const { clock, simulation } = simulationAt(WEDNESDAY('14:00:00'), 2);
  const depths: number[] = [];
  for (let read = 0; read < 720; read++) {
    clock.advance(5_000);
    depths.push(simulation.stats('distributed_processor').queue_depth);
  }
  expect(Math.max(...depths)).toBeGreaterThan(500);
  expect(Math.min(...depths)).toBeLessThan(100);
});

test('sentiment is scored per symbol and source, and messages are counted per source', () => {
  const { clock, simulation } = simulationAt(WEDNESDAY('14:00:00'));
  clock.advance(600_000);
  const stats = simulation.stats('sentiment_service');
  expect(Object.keys(stats.sources).sort()).toEqual(['news', 'reddit', 'twitter']);
  expect(stats.sources.twitter.messages_processed_total).toBeGreaterThan(stats.sources.news.messages_processed_total);
  const pairs = new Set(stats.scores.map((s) => `${s.symbol}/${s.source}`));
  expect(pairs.size).toBe(stats.scores.length);
  expect(new Set(stats.scores.map((s) => s.score)).size).toBeGreaterThan(5);
});

describe('faults seen from the simulation', () => {
  test('a dependency that is down degrades its direct dependents only', () => {
    const { clock, faults, simulation } = simulationAt(WEDNESDAY('14:00:00'));
    clock.advance(5_000);
    simulation.advance();
    faults.set({ service: 'pattern_storage', mode: 'down' });
    clock.advance(5_000);
    expect(simulation.health('pattern_storage').status).toBe('down');
    for (const dependent of ['retrieval_optimizer', 'analytics_dashboard'] as const) {
      expect(simulation.health(dependent).status).toBe('degraded');
      expect(simulation.statusReasons(dependent)).toContain('dependency pattern_storage unavailable');
    }
    // trading_engine calls retrieval_optimizer, which is degraded but answering: no effect on it.
    expect(simulation.statusReasons('trading_engine').join()).not.toContain('pattern_storage');
  });

  test('a hung dependency counts as unavailable too', () => {
    const { clock, faults, simulation } = simulationAt(WEDNESDAY('14:00:00'));
    simulation.advance();
    faults.set({ service: 'distributed_processor', mode: 'hung' });
    clock.advance(3_000);
    for (const dependent of ['predictive_optimizer', 'sentiment_service'] as const) {
      expect(simulation.statusReasons(dependent)).toContain('dependency distributed_processor unavailable');
    }
  });

  test('"errors" makes error_count climb; "degraded" makes warnings climb; dashboard shows both as alerts', () => {
    const { clock, faults, simulation } = simulationAt(WEDNESDAY('14:00:00'));
    clock.advance(5_000);
    simulation.advance();
    const errorsBefore = simulation.health('risk_manager').error_count;
    const warningsBefore = simulation.health('sentiment_service').warning_count;
    faults.set({ service: 'risk_manager', mode: 'errors' });
    faults.set({ service: 'sentiment_service', mode: 'degraded' });
    clock.advance(30_000);
    expect(simulation.health('risk_manager').error_count).toBeGreaterThan(errorsBefore + 30);
    const sentiment = simulation.health('sentiment_service');
    expect(sentiment.status).toBe('degraded');
    expect(sentiment.warning_count).toBeGreaterThanOrEqual(warningsBefore + 30);
    expect(simulation.stats('analytics_dashboard').active_alerts_shown).toBeGreaterThanOrEqual(2);
  });

  test('coming back from down is a restart: uptime and counters start again', () => {
    const { clock, faults, simulation } = simulationAt(WEDNESDAY('14:00:00'));
    clock.advance(600_000);
    const before = simulation.stats('trading_engine');
    simulation.advance();
    faults.set({ service: 'trading_engine', mode: 'down' });
    clock.advance(60_000);
    simulation.advance();
    faults.clear('trading_engine');
    simulation.advance();
    expect(simulation.health('trading_engine').uptime).toBe(0);
    clock.advance(10_000);
    const health = simulation.health('trading_engine');
    expect(health.uptime).toBe(10);
    expect(simulation.stats('trading_engine').requests_total).toBeLessThan(before.requests_total);
  });

  test('a fault with a duration ends on the simulated second it expires', () => {
    const { clock, faults, simulation } = simulationAt(WEDNESDAY('14:00:00'));
    simulation.advance();
    faults.set({ service: 'alerting_service', mode: 'degraded', durationSeconds: 30 });
    clock.advance(29_000);
    expect(simulation.health('alerting_service').status).toBe('degraded');
    clock.advance(1_000);
    expect(faults.faultAt('alerting_service')).toBeUndefined();
  });
});
