import { ALERTING_SERVICE_METRICS as M } from '../metrics/catalogue';
import { defineCollector, guardedEntries } from './kindCollector';

export const alertingServiceCollector = defineCollector({
  kind: 'alerting_service',
  collect(stats, target, set, guard) {
    for (const [channel, counts] of guardedEntries(stats.channels, 'channel', guard)) {
      set.add(M.notificationsSent, { ...target, channel }, counts?.sent_total);
      set.add(M.notificationsFailed, { ...target, channel }, counts?.failed_total);
    }
    set.add(M.escalations, target, stats.escalations_total);
    set.add(M.rulesEvaluated, target, stats.rules_evaluated_total);
  },
});
