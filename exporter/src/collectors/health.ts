// Health-record metrics of one instance: up, status, heartbeat, uptime, error/warning counters and the generic
// export of performance_metrics.
import { REPORTED_STATUSES, type LenientHealthRecord } from '@alphapulse/contracts';
import { HEALTH_METRICS as M } from '../metrics/catalogue';
import type { Labels, MetricSet } from '../metrics/model';
import { LabelGuard } from './labelGuard';

export interface HealthOptions {
  maxPerformanceMetrics: number;
  claimedPerformanceMetrics?: readonly string[];
}

/**
 * The documented rule: every performance_metrics field no collector claims becomes one sample of
 * alphapulse_service_performance_metric{metric="<field name>"} (nested fields already flattened to dotted paths),
 * in field-name order, at most `max` per instance; how many were left out is
 * alphapulse_service_performance_metrics_dropped.
 */
export function addPerformanceMetrics(set: MetricSet, metrics: Record<string, number>, target: Labels, options: HealthOptions, guard = new LabelGuard()): void {
  const claimed = new Set(options.claimedPerformanceMetrics ?? []);
  const names = Object.keys(metrics)
    .filter((name) => !claimed.has(name))
    .sort();
  const exported = new Set<string>();
  for (const name of names) {
    if (exported.size >= options.maxPerformanceMetrics) break;
    const metric = guard.value('metric', name);
    // Two names that sanitise to one label value would be one series twice: the first wins.
    if (metric === undefined || exported.has(metric)) continue;
    set.add(M.performanceMetric, { ...target, metric }, metrics[name]);
    exported.add(metric);
  }
  set.add(M.performanceMetricsDropped, target, names.length - exported.size);
}

/**
 * `health` is undefined when the instance answered no health record at all. Its dependencies, after the guard,
 * are returned for the dependency edges.
 */
export function collectHealth(health: LenientHealthRecord | undefined, target: Labels, set: MetricSet, options: HealthOptions, guard = new LabelGuard()): string[] {
  set.add(M.up, target, health ? 1 : 0);
  const current = health?.status ?? 'down';
  for (const status of REPORTED_STATUSES) set.add(M.status, { ...target, status }, status === current ? 1 : 0);
  if (!health) return [];
  set.add(M.lastHeartbeat, target, health.last_heartbeat === undefined ? undefined : Date.parse(health.last_heartbeat) / 1000);
  set.add(M.uptime, target, health.uptime);
  set.add(M.errors, target, health.error_count);
  set.add(M.warnings, target, health.warning_count);
  if (health.performance_metrics) addPerformanceMetrics(set, health.performance_metrics, target, options, guard);
  const dependencies: string[] = [];
  for (const name of new Set(health.dependencies ?? [])) {
    const dependency = guard.value('dependency', name);
    if (dependency !== undefined) dependencies.push(dependency);
  }
  return dependencies;
}

/** Dependency edges, one per (service, dependency), over every instance of a service that answered. */
export function dependencyEdges(records: ReadonlyArray<{ service: string; dependencies: readonly string[] }>): Array<{ service: string; dependency: string }> {
  const edges = new Map<string, { service: string; dependency: string }>();
  for (const { service, dependencies } of records) {
    for (const dependency of dependencies) edges.set(`${service}\u0000${dependency}`, { service, dependency });
  }
  return [...edges.values()];
}
