import { z } from 'zod';
import { count } from '../common';
import { commonStatsShape } from './common';

export const channelStatsSchema = z.looseObject({
  sent_total: count,
  failed_total: count,
});

export const alertingServiceStatsSchema = z.looseObject({
  ...commonStatsShape,
  /** Keyed by channel: email, sms, webhook, slack. */
  channels: z.record(z.string().min(1), channelStatsSchema),
  escalations_total: count,
  rules_evaluated_total: count,
});
export type AlertingServiceStats = z.infer<typeof alertingServiceStatsSchema>;
