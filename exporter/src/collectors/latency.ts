// Latency as the services report it: a histogram when they give cumulative buckets, else a summary of quantiles.
import type { Latency } from '@alphapulse/contracts';
import type { Labels, MetricDefinition, MetricSet } from '../metrics/model';

const QUANTILES = [
  ['p50', '0.5'],
  ['p95', '0.95'],
  ['p99', '0.99'],
] as const;

type Quantiles = Partial<Record<'p50' | 'p95' | 'p99', number>> & { sum?: number; count?: number };

export function addQuantiles(set: MetricSet, summary: MetricDefinition, quantiles: Quantiles, labels: Labels): void {
  for (const [field, quantile] of QUANTILES) {
    const value = quantiles[field];
    if (value !== undefined) set.add(summary, { ...labels, quantile }, value);
  }
  if (quantiles.sum !== undefined) set.add(summary, labels, quantiles.sum, '_sum');
  if (quantiles.count !== undefined) set.add(summary, labels, quantiles.count, '_count');
}

export function addLatency(set: MetricSet, histogram: MetricDefinition, summary: MetricDefinition, latency: Latency, labels: Labels): void {
  const buckets = latency.buckets;
  if (!buckets) {
    addQuantiles(set, summary, latency, labels);
    return;
  }
  for (const bucket of buckets) set.add(histogram, { ...labels, le: bucket.le === '+Inf' ? '+Inf' : `${bucket.le}` }, bucket.count, '_bucket');
  if (latency.sum !== undefined) set.add(histogram, labels, latency.sum, '_sum');
  set.add(histogram, labels, latency.count ?? buckets[buckets.length - 1].count, '_count');
}
