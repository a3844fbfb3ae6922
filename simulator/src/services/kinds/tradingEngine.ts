// trading_engine: reports the emulated market's (world/tradingWorld.ts) strategies: equity, P&L and positions
// as of the latest minute, the same numbers as that minute's equity_snapshots rows. Its counters are its own
// (they restart with it): every world fill (one trades row) is a filled order; orders that never reach the
// trades table (cancelled, rejected) are drawn here, a few per hundred fills.
import { ORDER_SIDES, ORDER_STATUSES } from '@alphapulse/contracts';
import type { OrderSides, OrderStatuses } from '../tradingTypes';
import { defineKind, roundTo } from './kindModule';

interface TradingEngineState {
  /** Orders since start by `${side}:${status}`. */
  orders: Map<string, number>;
  fills: number;
  /** The world's fill counts when last looked at (and which world); null before the first tick. */
  seen: { source: number; buys: number; sells: number } | null;
}

const CANCELLED_PER_FILL = 0.05;
const REJECTED_PER_FILL = 0.03;

const orderKey = (side: OrderSides, status: OrderStatuses) => `${side}:${status}`;
const cents = (money: number) => roundTo(money, 2);

export const tradingEngine = defineKind({
  kind: 'trading_engine',
  profile: {
    version: '5.2.0',
    requestsPerSecond: 30,
    latencyMedianSeconds: 0.003,
    latencySigma: 0.5,
    cpuSecondsPerRequest: 0.003,
    idleCpuSecondsPerSecond: 0.03,
    baseMemoryBytes: 640 * 1024 * 1024,
    memoryGrowthBytesPerSecond: 15_000,
    errorBurstsPerHour: 0.15,
  },
  createState: (): TradingEngineState => ({ orders: new Map(), fills: 0, seen: null }),
  step(state, { rng, world: { market } }) {
    // A new source (a writer attached, or gone) is a new baseline, not a burst of fills.
    const seen = state.seen?.source === market.source ? state.seen : { buys: market.buys, sells: market.sells };
    const count = (side: OrderSides, status: OrderStatuses, n: number) => {
      const key = orderKey(side, status);
      state.orders.set(key, (state.orders.get(key) ?? 0) + n);
    };
    for (const side of ORDER_SIDES) {
      const total = side === 'buy' ? market.buys : market.sells;
      const fresh = Math.max(0, total - seen[side === 'buy' ? 'buys' : 'sells']);
      count(side, 'filled', fresh);
      state.fills += fresh;
      for (let i = 0; i < fresh; i++) {
        if (rng.chance(CANCELLED_PER_FILL)) count(side, 'cancelled', 1);
        if (rng.chance(REJECTED_PER_FILL)) count(side, 'rejected', 1);
      }
    }
    state.seen = { source: market.source, buys: market.buys, sells: market.sells };
  },
  stats: (state, common, { world: { market } }) => ({
    ...common,
    // Every (side, status) pair is always listed, so consumers see a zero rather than a missing series.
    orders: ORDER_SIDES.flatMap((side) =>
      ORDER_STATUSES.map((status) => ({ side, status, count: state.orders.get(orderKey(side, status)) ?? 0 })),
    ),
    fills_total: state.fills,
    open_positions: market.openPositions,
    equity: cents(market.totalEquity),
    strategies_running: market.strategies.length,
    strategies: Object.fromEntries(
      market.strategies.map((strategy) => [
        strategy.name,
        {
          equity: strategy.equity,
          realized_pnl: strategy.realizedPnl,
          unrealized_pnl: strategy.unrealizedPnl,
          open_positions: strategy.openPositions,
        },
      ]),
    ),
  }),
  performanceMetrics: (state, { world: { market } }) => ({
    fills: state.fills,
    equity: cents(market.totalEquity),
    open_positions: market.openPositions,
  }),
});
