import { z } from 'zod';
import { count } from '../common';
import { commonStatsShape } from './common';

export const analyticsDashboardStatsSchema = z.looseObject({
  ...commonStatsShape,
  connected_clients: count,
  widgets: count,
  metric_updates_pushed_total: count,
  active_alerts_shown: count,
});
export type AnalyticsDashboardStats = z.infer<typeof analyticsDashboardStatsSchema>;
