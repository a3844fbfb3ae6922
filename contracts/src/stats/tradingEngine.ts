import { z } from 'zod';
import { ORDER_SIDES, ORDER_STATUSES } from '../constants';
import { count } from '../common';
import { commonStatsShape } from './common';

const money = z.number().finite();

export const orderCountSchema = z.looseObject({
  side: z.enum(ORDER_SIDES),
  status: z.enum(ORDER_STATUSES),
  count,
});

export const strategyStatsSchema = z.looseObject({
  equity: money,
  realized_pnl: money,
  unrealized_pnl: money,
  open_positions: count,
});

export const tradingEngineStatsSchema = z.looseObject({
  ...commonStatsShape,
  /** Orders since start, one entry per (side, status). */
  orders: z.array(orderCountSchema),
  fills_total: count,
  open_positions: count,
  /** Total account equity in the account currency. */
  equity: money,
  strategies_running: count,
  /** Keyed by strategy name. */
  strategies: z.record(z.string().min(1), strategyStatsSchema),
});
export type TradingEngineStats = z.infer<typeof tradingEngineStatsSchema>;
