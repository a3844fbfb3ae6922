import { ANALYTICS_DASHBOARD_METRICS as M } from '../metrics/catalogue';
import { defineCollector } from './kindCollector';

export const analyticsDashboardCollector = defineCollector({
  kind: 'analytics_dashboard',
  collect(stats, target, set) {
    set.add(M.connectedClients, target, stats.connected_clients);
    set.add(M.widgets, target, stats.widgets);
    set.add(M.metricUpdatesPushed, target, stats.metric_updates_pushed_total);
    set.add(M.activeAlertsShown, target, stats.active_alerts_shown);
  },
});
