// What a per-kind collector is: a pure mapping from a validated /stats payload to samples.
import type { ServiceKind, StatsByKind } from '@alphapulse/contracts';
import type { Labels, MetricSet } from '../metrics/model';

export interface KindCollector<K extends ServiceKind = ServiceKind> {
  kind: K;
  /** performance_metrics fields this collector maps itself, so the generic export skips them. */
  claimedPerformanceMetrics?: readonly string[];
  /** `target` holds service, instance and the configured extra labels. */
  collect(stats: StatsByKind[K], target: Labels, set: MetricSet): void;
}

export function defineCollector<K extends ServiceKind>(collector: KindCollector<K>): KindCollector<K> {
  return collector;
}
