import { ALERTING_SERVICE_METRICS as M } from '../metrics/catalogue';
import { defineCollector } from './kindCollector';

export const alertingServiceCollector = defineCollector({
  kind: 'alerting_service',
  collect(stats, target, set) {
    for (const [channel, counts] of Object.entries(stats.channels)) {
      set.add(M.notificationsSent, { ...target, channel }, counts.sent_total);
      set.add(M.notificationsFailed, { ...target, channel }, counts.failed_total);
    }
    set.add(M.escalations, target, stats.escalations_total);
    set.add(M.rulesEvaluated, target, stats.rules_evaluated_total);
  },
});
