import { exampleStats } from '@alphapulse/contracts';
import { MetricSet } from '../metrics/model';
import { alertingServiceCollector } from './alertingService';

test('alerting_service: sent and failed per channel, escalations, rules evaluated', () => {
  const set = new MetricSet();
  const target = { service: 'x', instance: 'h:1' };
  alertingServiceCollector.collect(exampleStats.alerting_service, target, set);
  expect(set.value('alphapulse_alerting_service_notifications_sent_total', { ...target, channel: 'slack' })).toBe(402);
  expect(set.value('alphapulse_alerting_service_notifications_failed_total', { ...target, channel: 'email' })).toBe(2);
  expect(set.toFamilies().find((f) => f.definition.name === 'alphapulse_alerting_service_notifications_sent_total')?.samples).toHaveLength(4);
  expect(set.value('alphapulse_alerting_service_escalations_total', target)).toBe(4);
  expect(set.value('alphapulse_alerting_service_rules_evaluated_total', target)).toBe(1_540_220);
});
