// Health-record metrics of one instance: up, status, heartbeat, uptime, error/warning counters and the generic
// export of performance_metrics.
import { SERVICE_STATUSES, type HealthRecord } from '@alphapulse/contracts';
import { HEALTH_METRICS as M } from '../metrics/catalogue';
import type { Labels, MetricSet } from '../metrics/model';

export interface HealthOptions {
  maxPerformanceMetrics: number;
  claimedPerformanceMetrics?: readonly string[];
}

/**
 * The documented rule: every performance_metrics field no collector claims becomes one sample of
 * alphapulse_service_performance_metric{metric="<field name>"}, in field-name order, at most `max` per instance;
 * how many were left out is alphapulse_service_performance_metrics_dropped.
 */
export function addPerformanceMetrics(set: MetricSet, metrics: Record<string, number>, target: Labels, options: HealthOptions): void {
  const claimed = new Set(options.claimedPerformanceMetrics ?? []);
  const names = Object.keys(metrics)
    .filter((name) => !claimed.has(name))
    .sort();
  const exported = names.slice(0, options.maxPerformanceMetrics);
  for (const metric of exported) set.add(M.performanceMetric, { ...target, metric }, metrics[metric]);
  set.add(M.performanceMetricsDropped, target, names.length - exported.length);
}

/** `health` is undefined when the instance answered no valid health record. */
export function collectHealth(health: HealthRecord | undefined, target: Labels, set: MetricSet, options: HealthOptions): void {
  set.add(M.up, target, health ? 1 : 0);
  const current = health?.status ?? 'down';
  for (const status of SERVICE_STATUSES) set.add(M.status, { ...target, status }, status === current ? 1 : 0);
  if (!health) return;
  set.add(M.lastHeartbeat, target, Date.parse(health.last_heartbeat) / 1000);
  set.add(M.uptime, target, health.uptime);
  set.add(M.errors, target, health.error_count);
  set.add(M.warnings, target, health.warning_count);
  addPerformanceMetrics(set, health.performance_metrics, target, options);
}

/** Dependency edges, one per (service, dependency), over every instance of a service that answered. */
export function dependencyEdges(records: ReadonlyArray<{ service: string; health?: HealthRecord }>): Array<{ service: string; dependency: string }> {
  const edges = new Map<string, { service: string; dependency: string }>();
  for (const { service, health } of records) {
    for (const dependency of health?.dependencies ?? []) edges.set(`${service}\u0000${dependency}`, { service, dependency });
  }
  return [...edges.values()];
}
