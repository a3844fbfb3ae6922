// Statistics every service kind reports: version, CPU, memory, requests, request latency.
import type { CommonStats } from '@alphapulse/contracts';
import { COMMON_METRICS as M } from '../metrics/catalogue';
import type { Labels, MetricSet } from '../metrics/model';
import { addLatency } from './latency';

export function collectCommonStats(stats: CommonStats, target: Labels, set: MetricSet): void {
  set.add(M.versionInfo, { ...target, version: stats.version }, 1);
  set.add(M.cpu, target, stats.cpu_seconds_total);
  set.add(M.memory, target, stats.resident_memory_bytes);
  set.add(M.requests, target, stats.requests_total);
  addLatency(set, M.requestDuration, M.requestLatency, stats.latency_seconds, target);
}
