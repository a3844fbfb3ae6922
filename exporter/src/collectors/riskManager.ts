import { RISK_MANAGER_METRICS as M } from '../metrics/catalogue';
import { defineCollector, guardedEntries } from './kindCollector';

export const riskManagerCollector = defineCollector({
  kind: 'risk_manager',
  collect(stats, target, set, guard) {
    set.add(M.currentDrawdown, target, stats.current_drawdown_ratio);
    set.add(M.maxDrawdown, target, stats.max_drawdown_ratio);
    set.add(M.grossExposure, target, stats.gross_exposure);
    set.add(M.netExposure, target, stats.net_exposure);
    set.add(M.valueAtRisk, target, stats.value_at_risk);
    set.add(M.limitBreaches, target, stats.limit_breaches_total);
    set.add(M.stopLosses, target, stats.stop_losses_triggered_total);
    for (const [symbol, notional] of guardedEntries(stats.position_sizes, 'symbol', guard)) set.add(M.positionSize, { ...target, symbol }, notional);
  },
});
