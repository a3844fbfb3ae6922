// Latency as the services report it: a histogram when they give cumulative buckets, else a summary of quantiles.
import type { Latency, Lenient } from '@alphapulse/contracts';
import type { Labels, MetricDefinition, MetricSet } from '../metrics/model';

const QUANTILES = [
  ['p50', '0.5'],
  ['p95', '0.95'],
  ['p99', '0.99'],
] as const;

type Quantiles = Partial<Record<'p50' | 'p95' | 'p99', number>> & { sum?: number; count?: number };

export function addQuantiles(set: MetricSet, summary: MetricDefinition, quantiles: Quantiles | undefined, labels: Labels): void {
  if (!quantiles) return;
  for (const [field, quantile] of QUANTILES) set.add(summary, { ...labels, quantile }, quantiles[field]);
  set.add(summary, labels, quantiles.sum, '_sum');
  set.add(summary, labels, quantiles.count, '_count');
}

/** `latency` comes from the lenient reader: its bucket list, when present, passed the contract's shape rules. */
export function addLatency(set: MetricSet, histogram: MetricDefinition, summary: MetricDefinition, latency: Lenient<Latency> | undefined, labels: Labels): void {
  if (!latency) return;
  const buckets = (latency.buckets ?? []).filter((bucket) => bucket.le !== undefined && bucket.count !== undefined);
  // A bucket list without its "+Inf" bound (a bucket was dropped) is no valid histogram: fall back to quantiles.
  if (buckets.length === 0 || buckets[buckets.length - 1].le !== '+Inf') {
    addQuantiles(set, summary, latency, labels);
    return;
  }
  for (const bucket of buckets) set.add(histogram, { ...labels, le: bucket.le === '+Inf' ? '+Inf' : `${bucket.le}` }, bucket.count, '_bucket');
  set.add(histogram, labels, latency.sum, '_sum');
  set.add(histogram, labels, latency.count ?? buckets[buckets.length - 1].count, '_count');
}
