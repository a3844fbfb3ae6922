// Business KPIs from a real PostgreSQL migrated with the project's migrations: exact values from known rows,
// caching for the minimum interval, and the database going down and coming back without a restart.
import { Client } from 'pg';
import pino from 'pino';
import { migrate } from '../../simulator/src/db/migrate';
import { createTestDatabase, type TestDatabase } from '../../test-support/database';
import { KpiCollector } from '../src/kpi/kpiCollector';
import { MetricSet } from '../src/metrics/model';
import { startTcpProxy, type TcpProxy } from './support/tcpProxy';

const logger = pino({ level: 'silent' });
const settings = {
  min_interval_seconds: 0.2,
  statement_timeout_ms: 2000,
  window_seconds: 300,
  win_rate_lookback_seconds: 86_400,
  drawdown_lookback_seconds: 30 * 86_400,
  sentiment_lookback_seconds: 3600,
};
let database: TestDatabase;
let proxy: TcpProxy;
let proxiedUrl: string;

beforeAll(async () => {
  database = await createTestDatabase('exporter_kpi');
  await migrate(database.url);
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    // Relative to now(): the KPI windows are trailing windows.
    await client.query(`
      INSERT INTO alphapulse.equity_snapshots (time, strategy, equity, cash, unrealized_pnl, realized_pnl, gross_exposure, net_exposure, open_positions) VALUES
        (now() - interval '2 days', 'momentum', 1000, 500, 0, 0, 0, 0, 0),
        (now() - interval '1 day', 'momentum', 1200, 500, 50, 150, 700, 300, 2),
        (now() - interval '1 minute', 'momentum', 900, 400, -20, 120, 500, -100, 3),
        (now() - interval '1 minute', 'mean_reversion', 2000, 2000, 0, 10, 0, 0, 0);
      INSERT INTO alphapulse.trades (time, trade_id, strategy, symbol, side, quantity, price, fee, realized_pnl) VALUES
        (now() - interval '1 minute', 1, 'momentum', 'BTCUSD', 'buy', 1, 100, 0.1, 0),
        (now() - interval '2 minutes', 2, 'momentum', 'BTCUSD', 'sell', 1, 110, 0.1, 10),
        (now() - interval '3 minutes', 3, 'momentum', 'ETHUSD', 'sell', 1, 90, 0.1, -5),
        (now() - interval '2 hours', 4, 'momentum', 'ETHUSD', 'sell', 1, 95, 0.1, 7),
        (now() - interval '3 days', 5, 'momentum', 'ETHUSD', 'sell', 1, 95, 0.1, -100);
      INSERT INTO alphapulse.patterns (time, symbol, timeframe, pattern, direction, confidence, price) VALUES
        (now() - interval '1 minute', 'BTCUSD', '1m', 'engulfing', 'bullish', 0.8, 100),
        (now() - interval '2 minutes', 'ETHUSD', '1m', 'engulfing', 'bullish', 0.7, 90),
        (now() - interval '1 hour', 'ETHUSD', '1m', 'double_top', 'bearish', 0.6, 95);
      INSERT INTO alphapulse.sentiment (time, symbol, source, score, confidence, mentions) VALUES
        (now() - interval '10 minutes', 'BTCUSD', 'twitter', 0.1, 0.5, 10),
        (now() - interval '1 minute', 'BTCUSD', 'twitter', 0.4, 0.9, 12),
        (now() - interval '2 hours', 'AAPL', 'news', -0.5, 0.5, 3);
      INSERT INTO alphapulse.candles (time, symbol, timeframe, open, high, low, close, volume) VALUES
        (now() - interval '10 minutes', 'BTCUSD', '1m', 1, 2, 0.5, 1.5, 10),
        (now() - interval '2 minutes', 'BTCUSD', '1m', 1, 2, 0.5, 1.5, 10),
        (now() - interval '1 hour', 'ETHUSD', '1m', 1, 2, 0.5, 1.5, 10);
    `);
  } finally {
    await client.end();
  }
  const url = new URL(database.url);
  proxy = await startTcpProxy(url.hostname, Number(url.port));
  url.port = String(proxy.port);
  proxiedUrl = url.toString();
}, 120_000);

afterAll(async () => {
  await proxy?.close();
  await database?.drop();
});

const collect = async (collector: KpiCollector) => {
  const set = new MetricSet();
  await collector.collect(set, 5000);
  return set;
};

test('KPIs from the data model: latest snapshot, drawdown, win rate, window counts, sentiment, candle age', async () => {
  const collector = new KpiCollector({ databaseUrl: database.url, settings, logger });
  try {
    const set = await collect(collector);
    expect(set.value('alphapulse_database_up')).toBe(1);
    for (const query of ['strategy_snapshots', 'win_rate', 'trades_in_window', 'patterns_in_window', 'sentiment_scores', 'newest_candles']) {
      expect(set.value('alphapulse_kpi_query_up', { query })).toBe(1);
    }
    const momentum = { strategy: 'momentum' };
    expect(set.value('alphapulse_kpi_strategy_equity', momentum)).toBe(900);
    expect(set.value('alphapulse_kpi_strategy_realized_pnl', momentum)).toBe(120);
    expect(set.value('alphapulse_kpi_strategy_unrealized_pnl', momentum)).toBe(-20);
    expect(set.value('alphapulse_kpi_strategy_gross_exposure', momentum)).toBe(500);
    expect(set.value('alphapulse_kpi_strategy_net_exposure', momentum)).toBe(-100);
    expect(set.value('alphapulse_kpi_strategy_open_positions', momentum)).toBe(3);
    expect(set.value('alphapulse_kpi_strategy_drawdown_ratio', momentum)).toBeCloseTo(0.25, 10); // peak 1200 → 900
    expect(set.value('alphapulse_kpi_strategy_drawdown_ratio', { strategy: 'mean_reversion' })).toBe(0);
    expect(set.value('alphapulse_kpi_strategy_win_ratio', momentum)).toBeCloseTo(2 / 3, 10); // +10, −5, +7 in 24 h; −100 is older
    expect(set.value('alphapulse_kpi_strategy_win_ratio', { strategy: 'mean_reversion' })).toBeUndefined();
    expect(set.value('alphapulse_kpi_trades_in_window', { strategy: 'momentum', side: 'sell' })).toBe(2);
    expect(set.value('alphapulse_kpi_trades_in_window', { strategy: 'momentum', side: 'buy' })).toBe(1);
    expect(set.value('alphapulse_kpi_patterns_in_window', { pattern: 'engulfing', direction: 'bullish' })).toBe(2);
    expect(set.value('alphapulse_kpi_patterns_in_window', { pattern: 'double_top', direction: 'bearish' })).toBeUndefined();
    expect(set.value('alphapulse_kpi_sentiment_score', { symbol: 'BTCUSD', source: 'twitter' })).toBe(0.4);
    expect(set.value('alphapulse_kpi_sentiment_confidence_ratio', { symbol: 'BTCUSD', source: 'twitter' })).toBe(0.9);
    expect(set.value('alphapulse_kpi_sentiment_score', { symbol: 'AAPL', source: 'news' })).toBeUndefined();
    expect(set.value('alphapulse_kpi_newest_candle_age_seconds', { symbol: 'BTCUSD', timeframe: '1m' })).toBeGreaterThanOrEqual(119);
    expect(set.value('alphapulse_kpi_newest_candle_age_seconds', { symbol: 'BTCUSD', timeframe: '1m' })).toBeLessThan(180);
    expect(set.value('alphapulse_kpi_newest_candle_age_seconds', { symbol: 'ETHUSD', timeframe: '1m' })).toBeGreaterThanOrEqual(3599);
    expect(set.value('alphapulse_kpi_window_seconds')).toBe(300);
  } finally {
    await collector.close();
  }
});

test('results are cached for the minimum interval: scrapes in between do not query again', async () => {
  const collector = new KpiCollector({ databaseUrl: database.url, settings: { ...settings, min_interval_seconds: 60 }, logger });
  try {
    const first = await collect(collector);
    const second = await collect(collector);
    expect(second.value('alphapulse_kpi_query_last_run_timestamp_seconds', { query: 'win_rate' })).toBe(
      first.value('alphapulse_kpi_query_last_run_timestamp_seconds', { query: 'win_rate' }),
    );
    // Concurrent scrapes share one refresh.
    const fresh = new KpiCollector({ databaseUrl: database.url, settings, logger });
    const [a, b] = await Promise.all([collect(fresh), collect(fresh)]);
    expect(a.value('alphapulse_kpi_query_last_run_timestamp_seconds', { query: 'win_rate' })).toBe(b.value('alphapulse_kpi_query_last_run_timestamp_seconds', { query: 'win_rate' }));
    await fresh.close();
  } finally {
    await collector.close();
  }
});

test('a query over its statement timeout fails alone; the others still report', async () => {
  const slow = { name: 'slow', sql: 'SELECT pg_sleep(2)', params: () => [], toSamples: () => undefined };
  const quick = { name: 'quick', sql: 'SELECT 1 AS one', params: () => [], toSamples: () => undefined };
  const collector = new KpiCollector({ databaseUrl: database.url, settings: { ...settings, statement_timeout_ms: 300 }, logger, queries: [slow, quick] });
  try {
    const started = Date.now();
    const set = await collect(collector);
    expect(Date.now() - started).toBeLessThan(1900); // the 2 s sleep was cut short
    expect(set.value('alphapulse_database_up')).toBe(1);
    expect(set.value('alphapulse_kpi_query_up', { query: 'slow' })).toBe(0);
    expect(set.value('alphapulse_kpi_query_up', { query: 'quick' })).toBe(1);
  } finally {
    await collector.close();
  }
});

test('the database going down and coming back: database_up 0 and no KPIs, then KPIs resume without a restart', async () => {
  const collector = new KpiCollector({ databaseUrl: proxiedUrl, settings: { ...settings, statement_timeout_ms: 1000 }, logger });
  const pause = () => new Promise((resolve) => setTimeout(resolve, 250));
  try {
    expect((await collect(collector)).value('alphapulse_database_up')).toBe(1);
    await proxy.cut();
    await pause();
    const down = await collect(collector);
    expect(down.value('alphapulse_database_up')).toBe(0);
    expect(down.value('alphapulse_kpi_strategy_equity', { strategy: 'momentum' })).toBeUndefined();
    await proxy.restore();
    await pause();
    const back = await collect(collector);
    expect(back.value('alphapulse_database_up')).toBe(1);
    expect(back.value('alphapulse_kpi_strategy_equity', { strategy: 'momentum' })).toBe(900);
  } finally {
    await collector.close();
  }
});

test('through the exporter: KPIs and database reachability in /metrics, accepted by promtool', async () => {
  const { startExporter } = await import('../src/startExporter');
  const { parseConfig } = await import('../src/config/config');
  const { findTool } = await import('./support/tools');
  const { spawnSync } = await import('node:child_process');
  const config = parseConfig('services: []\n', {});
  const running = await startExporter({ config, databaseUrl: database.url, port: 0, logger, reloadOnSighup: false });
  try {
    const text = await (await fetch(`${running.url}/metrics`)).text();
    expect(text).toMatch(/^alphapulse_database_up 1$/m);
    expect(text).toMatch(/^alphapulse_kpi_strategy_equity\{strategy="momentum"\} 900$/m);
    const promtool = findTool('promtool');
    if (promtool) {
      const result = spawnSync(promtool, ['check', 'metrics'], { input: text, encoding: 'utf8' });
      expect(result.stdout + result.stderr).toBe('');
    } else if (process.env.CI === 'true') throw new Error('promtool is not installed');
  } finally {
    await running.stop();
  }
});
