import { exampleStats } from '@alphapulse/contracts';
import { MetricSet } from '../metrics/model';
import { riskManagerCollector } from './riskManager';

test('risk_manager: drawdown, exposure, VaR, breaches, stop-losses, position sizes', () => {
  const set = new MetricSet();
  const target = { service: 'x', instance: 'h:1' };
  riskManagerCollector.collect(exampleStats.risk_manager, target, set);
  expect(set.value('alphapulse_risk_manager_current_drawdown_ratio', target)).toBe(0.023);
  expect(set.value('alphapulse_risk_manager_max_drawdown_ratio', target)).toBe(0.081);
  expect(set.value('alphapulse_risk_manager_gross_exposure', target)).toBe(612_000);
  expect(set.value('alphapulse_risk_manager_net_exposure', target)).toBe(148_500);
  expect(set.value('alphapulse_risk_manager_value_at_risk', target)).toBe(18_250);
  expect(set.value('alphapulse_risk_manager_limit_breaches_total', target)).toBe(2);
  expect(set.value('alphapulse_risk_manager_stop_losses_triggered_total', target)).toBe(37);
  expect(set.value('alphapulse_risk_manager_position_size', { ...target, symbol: 'ETHUSD' })).toBe(-42_500);
});
