// What a per-kind collector is: a pure mapping from a leniently read /stats payload to samples. Every field may be
// absent (the service did not send it, or it was dropped as bad): MetricSet.add skips undefined values.
import type { LenientStats, ServiceKind } from '@alphapulse/contracts';
import type { Labels, MetricSet } from '../metrics/model';
import { LabelGuard } from './labelGuard';

export interface KindCollector<K extends ServiceKind = ServiceKind> {
  kind: K;
  /** performance_metrics fields this collector maps itself, so the generic export skips them. */
  claimedPerformanceMetrics?: readonly string[];
  /** `target` holds service, instance and the configured extra labels; `guard` vets service-supplied label values. */
  collect(stats: LenientStats<K>, target: Labels, set: MetricSet, guard?: LabelGuard): void;
}

export function defineCollector<K extends ServiceKind>(collector: KindCollector<K>): KindCollector<K> {
  return collector;
}

/** Entries of a service-supplied map whose key passes the guard, as [label value, entry]. */
export function guardedEntries<T>(map: Record<string, T> | undefined, label: string, guard: LabelGuard = new LabelGuard()): Array<[string, T]> {
  const out: Array<[string, T]> = [];
  // Two keys that sanitise to one value ("a" and "a\n") would be one series twice: the first wins.
  const seen = new Set<string>();
  for (const [key, value] of Object.entries(map ?? {})) {
    const name = guard.value(label, key);
    if (name === undefined || seen.has(name)) continue;
    seen.add(name);
    out.push([name, value]);
  }
  return out;
}
