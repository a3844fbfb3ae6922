import { z } from 'zod';
import { count, isoTime, latencySchema, nonNegative } from '../common';

/** Calls this service made to one dependency since it started (the edge service → dependency). */
export const dependencyCallSchema = z.looseObject({
  dependency: z.string().min(1),
  requests: count,
  errors: count,
  latency: latencySchema.optional(),
});
export type DependencyCall = z.infer<typeof dependencyCallSchema>;

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
  /** Optional: traffic to each dependency (per-edge requests, errors and latency), totals since start. */
  dependency_calls: z.array(dependencyCallSchema).optional(),
};

export const commonStatsSchema = z.looseObject(commonStatsShape);
export type CommonStats = z.infer<typeof commonStatsSchema>;
