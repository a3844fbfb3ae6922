import { TRADING_ENGINE_METRICS as M } from '../metrics/catalogue';
import { defineCollector, guardedEntries } from './kindCollector';

export const tradingEngineCollector = defineCollector({
  kind: 'trading_engine',
  collect(stats, target, set, guard) {
    // The contract allows one entry per (side, status); summing keeps the output valid if a service repeats one.
    // side and status are enums of the contract, so they need no cardinality guard.
    const orders = new Map<string, { side: string; status: string; count: number }>();
    for (const order of stats.orders ?? []) {
      if (order.side === undefined || order.status === undefined || order.count === undefined) continue;
      const key = `${order.side}/${order.status}`;
      const existing = orders.get(key);
      if (existing) existing.count += order.count;
      else orders.set(key, { side: order.side, status: order.status, count: order.count });
    }
    for (const { side, status, count } of orders.values()) set.add(M.orders, { ...target, side, status }, count);
    set.add(M.fills, target, stats.fills_total);
    set.add(M.openPositions, target, stats.open_positions);
    set.add(M.equity, target, stats.equity);
    set.add(M.strategiesRunning, target, stats.strategies_running);
    for (const [strategy, numbers] of guardedEntries(stats.strategies, 'strategy', guard)) {
      const labels = { ...target, strategy };
      set.add(M.strategyEquity, labels, numbers?.equity);
      set.add(M.strategyRealizedPnl, labels, numbers?.realized_pnl);
      set.add(M.strategyUnrealizedPnl, labels, numbers?.unrealized_pnl);
      set.add(M.strategyOpenPositions, labels, numbers?.open_positions);
    }
  },
});
