import { exampleStats } from '@alphapulse/contracts';
import { LabelGuard } from './labelGuard';
import { MetricSet } from '../metrics/model';
import { tradingEngineCollector } from './tradingEngine';

test('trading_engine: orders by side and status, fills, positions, equity, per-strategy P&L', () => {
  const set = new MetricSet();
  const target = { service: 'x', instance: 'h:1' };
  tradingEngineCollector.collect(exampleStats.trading_engine, target, set);
  expect(set.value('alphapulse_trading_engine_orders_total', { ...target, side: 'buy', status: 'filled' })).toBe(10_233);
  expect(set.value('alphapulse_trading_engine_orders_total', { ...target, side: 'sell', status: 'rejected' })).toBe(7);
  expect(set.value('alphapulse_trading_engine_fills_total', target)).toBe(20_334);
  expect(set.value('alphapulse_trading_engine_open_positions', target)).toBe(9);
  expect(set.value('alphapulse_trading_engine_equity', target)).toBe(1_046_210.55);
  expect(set.value('alphapulse_trading_engine_strategies_running', target)).toBe(4);
  const momentum = { ...target, strategy: 'momentum' };
  expect(set.value('alphapulse_trading_engine_strategy_equity', momentum)).toBe(262_400.1);
  expect(set.value('alphapulse_trading_engine_strategy_realized_pnl', momentum)).toBe(12_400.1);
  expect(set.value('alphapulse_trading_engine_strategy_unrealized_pnl', momentum)).toBe(-310.5);
  expect(set.value('alphapulse_trading_engine_strategy_open_positions', momentum)).toBe(3);
});

test('trading_engine: a repeated (side, status) entry is summed, never a duplicate series', () => {
  const set = new MetricSet();
  const stats = { ...exampleStats.trading_engine, orders: [{ side: 'buy' as const, status: 'new' as const, count: 2 }, { side: 'buy' as const, status: 'new' as const, count: 3 }] };
  tradingEngineCollector.collect(stats, { service: 'x', instance: 'h:1' }, set);
  expect(set.toFamilies().find((f) => f.definition.name === 'alphapulse_trading_engine_orders_total')?.samples).toEqual([
    { labels: { service: 'x', instance: 'h:1', side: 'buy', status: 'new' }, value: 5 },
  ]);
});

test('trading_engine: strategy names that sanitise to one label value give one series, not a duplicate', () => {
  const set = new MetricSet();
  const target = { service: 'x', instance: 'h:1' };
  const one = { equity: 1, realized_pnl: 0, unrealized_pnl: 0, open_positions: 0 };
  tradingEngineCollector.collect({ strategies: { a: one, 'a\n': { ...one, equity: 2 } } }, target, set, new LabelGuard());
  expect(set.toFamilies().find((f) => f.definition.name === 'alphapulse_trading_engine_strategy_equity')?.samples).toEqual([{ labels: { ...target, strategy: 'a' }, value: 1 }]);
});
