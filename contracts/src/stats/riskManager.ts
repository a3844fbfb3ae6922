import { z } from 'zod';
import { count, nonNegative, ratio } from '../common';
import { commonStatsShape } from './common';

export const riskManagerStatsSchema = z.looseObject({
  ...commonStatsShape,
  /** Fall from the equity peak, 0–1. */
  current_drawdown_ratio: ratio,
  max_drawdown_ratio: ratio,
  gross_exposure: nonNegative,
  /** Long minus short notional; negative when net short. */
  net_exposure: z.number().finite(),
  /** 1-day 95% value at risk, in the account currency. */
  value_at_risk: nonNegative,
  limit_breaches_total: count,
  stop_losses_triggered_total: count,
  /** Signed position notional per symbol. */
  position_sizes: z.record(z.string().min(1), z.number().finite()),
});
export type RiskManagerStats = z.infer<typeof riskManagerStatsSchema>;
