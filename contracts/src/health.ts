import { z } from 'zod';
import { SERVICE_STATUSES } from './constants';
import { count, isoTime, nonNegative } from './common';

/** What every AlphaPulse service answers on GET /health. */
export const healthRecordSchema = z.looseObject({
  service_name: z.string().min(1),
  status: z.enum(SERVICE_STATUSES),
  /** Seconds since the service started. */
  uptime: nonNegative,
  /** ISO-8601 time of the service's last internal heartbeat. */
  last_heartbeat: isoTime,
  /** Totals since start: counters, they only reset when the service restarts. */
  error_count: count,
  warning_count: count,
  /** Names of the services and externals this one depends on. */
  dependencies: z.array(z.string().min(1)),
  /** Free-form numbers; consumers export the ones they do not know generically. */
  performance_metrics: z.record(z.string(), z.number().finite()),
});
export type HealthRecord = z.infer<typeof healthRecordSchema>;
