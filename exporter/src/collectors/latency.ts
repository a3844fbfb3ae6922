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

function isHistogram(buckets: ReadonlyArray<{ le?: number | '+Inf'; count?: number }>): boolean {
  if (buckets.length === 0 || buckets[buckets.length - 1].le !== '+Inf') return false;
  for (let i = 0; i < buckets.length; i++) {
    const { le, count } = buckets[i];
    if (!Number.isFinite(count) || (le !== '+Inf' && !Number.isFinite(le))) return false;
    if (i === 0) continue;
    const previous = buckets[i - 1];
    if (previous.le === '+Inf' || (le !== '+Inf' && (le as number) <= (previous.le as number)) || (count as number) < (previous.count as number)) return false;
  }
  return true;
}

/** `latency` comes from the lenient reader: its bucket list, when present, passed the contract's shape rules. */
export function addLatency(set: MetricSet, histogram: MetricDefinition, summary: MetricDefinition, latency: Lenient<Latency> | undefined, labels: Labels): void {
  if (!latency) return;
  const buckets = (latency.buckets ?? []).filter((bucket) => bucket.le !== undefined && bucket.count !== undefined);
  // A bucket list that is no valid histogram (its "+Inf" bound dropped, bounds not increasing, counts falling) is
  // not exported as one, whatever got past the reader: fall back to the quantiles.
  if (!isHistogram(buckets)) {
    addQuantiles(set, summary, latency, labels);
    return;
  }
  for (const bucket of buckets) set.add(histogram, { ...labels, le: bucket.le === '+Inf' ? '+Inf' : `${bucket.le}` }, bucket.count, '_bucket');
  set.add(histogram, labels, latency.sum, '_sum');
  set.add(histogram, labels, latency.count ?? buckets[buckets.length - 1].count, '_count');
}
