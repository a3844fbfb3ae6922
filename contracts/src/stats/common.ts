import { z } from 'zod';
import { count, isoTime, latencySchema, nonNegative } from '../common';

/** Fields every service's GET /stats carries, whatever its kind. */
export const commonStatsShape = {
  service_name: z.string().min(1),
  version: z.string().min(1),
  /** When these numbers were taken. */
  timestamp: isoTime,
  cpu_seconds_total: nonNegative,
  resident_memory_bytes: nonNegative,
  /** Requests or operations handled since start (counter). */
  requests_total: count,
  latency_seconds: latencySchema,
};

export const commonStatsSchema = z.looseObject(commonStatsShape);
export type CommonStats = z.infer<typeof commonStatsSchema>;
