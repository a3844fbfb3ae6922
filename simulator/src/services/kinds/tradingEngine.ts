// trading_engine: reports the shared trading book's orders, fills, positions and P&L per strategy.
// Its counters are its own (they restart with it); equity and positions belong to the book.
import { ORDER_SIDES, ORDER_STATUSES } from '@alphapulse/contracts';
import type { OrderSides, OrderStatuses } from '../tradingTypes';
import { defineKind, roundTo } from './kindModule';

interface TradingEngineState {
  /** Orders since start by `${side}:${status}`. */
  orders: Map<string, number>;
  fills: number;
}

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
  createState: (): TradingEngineState => ({ orders: new Map(), fills: 0 }),
  step(state, { world }) {
    const events = world.book.lastTick;
    for (const order of events.orders) {
      const key = orderKey(order.side, order.status);
      state.orders.set(key, (state.orders.get(key) ?? 0) + 1);
    }
    state.fills += events.fills;
  },
  stats: (state, common, { world: { book } }) => ({
    ...common,
    // Every (side, status) pair is always listed, so consumers see a zero rather than a missing series.
    orders: ORDER_SIDES.flatMap((side) =>
      ORDER_STATUSES.map((status) => ({ side, status, count: state.orders.get(orderKey(side, status)) ?? 0 })),
    ),
    fills_total: state.fills,
    open_positions: book.openPositions(),
    equity: cents(book.totalEquity()),
    strategies_running: book.strategies.length,
    strategies: Object.fromEntries(
      book.strategies.map((strategy) => [
        strategy.name,
        {
          equity: cents(book.strategyEquity(strategy)),
          realized_pnl: cents(strategy.realizedPnl),
          unrealized_pnl: cents(book.unrealizedPnl(strategy)),
          open_positions: strategy.positions.size,
        },
      ]),
    ),
  }),
  performanceMetrics: (state, { world: { book } }) => ({
    fills: state.fills,
    equity: cents(book.totalEquity()),
    open_positions: book.openPositions(),
  }),
});
