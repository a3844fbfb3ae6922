// Statistics every service kind reports: version, CPU, memory, requests, request latency, per-edge traffic.
import type { CommonStats, Lenient } from '@alphapulse/contracts';
import { COMMON_METRICS as M } from '../metrics/catalogue';
import type { Labels, MetricSet } from '../metrics/model';
import { LabelGuard } from './labelGuard';
import { addLatency } from './latency';

export function collectCommonStats(stats: Lenient<CommonStats>, target: Labels, set: MetricSet, guard = new LabelGuard()): void {
  const version = stats.version === undefined ? undefined : guard.value('version', stats.version);
  if (version !== undefined) set.add(M.versionInfo, { ...target, version }, 1);
  set.add(M.cpu, target, stats.cpu_seconds_total);
  set.add(M.memory, target, stats.resident_memory_bytes);
  set.add(M.requests, target, stats.requests_total);
  addLatency(set, M.requestDuration, M.requestLatency, stats.latency_seconds, target);
  // One edge per dependency: a repeated entry would be a duplicate series, so the last one wins.
  const calls = new Map<string, NonNullable<typeof stats.dependency_calls>[number]>();
  for (const call of stats.dependency_calls ?? []) {
    const dependency = call.dependency === undefined ? undefined : guard.value('dependency', call.dependency);
    if (dependency !== undefined) calls.set(dependency, call);
  }
  for (const [dependency, call] of calls) {
    const labels = { ...target, dependency };
    set.add(M.dependencyRequests, labels, call.requests);
    set.add(M.dependencyErrors, labels, call.errors);
    addLatency(set, M.dependencyLatency, M.dependencyLatencyQuantiles, call.latency, labels);
  }
}
