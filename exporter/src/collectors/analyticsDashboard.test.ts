import { exampleStats } from '@alphapulse/contracts';
import { MetricSet } from '../metrics/model';
import { analyticsDashboardCollector } from './analyticsDashboard';

test('analytics_dashboard: clients, widgets, updates pushed, alerts shown', () => {
  const set = new MetricSet();
  const target = { service: 'x', instance: 'h:1' };
  analyticsDashboardCollector.collect(exampleStats.analytics_dashboard, target, set);
  expect(set.value('alphapulse_analytics_dashboard_connected_clients', target)).toBe(12);
  expect(set.value('alphapulse_analytics_dashboard_widgets', target)).toBe(48);
  expect(set.value('alphapulse_analytics_dashboard_metric_updates_pushed_total', target)).toBe(3_918_002);
  expect(set.value('alphapulse_analytics_dashboard_active_alerts_shown', target)).toBe(1);
});
