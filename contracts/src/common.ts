import { z } from 'zod';

// Shared building blocks. Objects are "loose": unknown extra fields pass (services evolve),
// while every known field is type-checked.

export const nonNegative = z.number().finite().nonnegative();
export const count = z.number().int().nonnegative();
export const ratio = z.number().finite().min(0).max(1);
export const isoTime = z.iso.datetime({ offset: true });

/** One cumulative histogram bucket; `le` is the upper bound in seconds, "+Inf" for the last one. */
export const histogramBucketSchema = z.looseObject({
  le: z.union([z.number().finite().positive(), z.literal('+Inf')]),
  count,
});

/**
 * Latency in seconds: histogram buckets (preferred, cumulative, ending in "+Inf") and/or quantiles.
 * At least one of the two must be present.
 */
export const latencySchema = z
  .looseObject({
    buckets: z.array(histogramBucketSchema).min(1).optional(),
    sum: nonNegative.optional(),
    count: count.optional(),
    p50: nonNegative.optional(),
    p95: nonNegative.optional(),
    p99: nonNegative.optional(),
  })
  .superRefine((latency, ctx) => {
    const hasQuantiles = latency.p50 !== undefined || latency.p95 !== undefined || latency.p99 !== undefined;
    if (!latency.buckets && !hasQuantiles) {
      ctx.addIssue({ code: 'custom', message: 'latency needs histogram buckets or at least one of p50/p95/p99' });
    }
    const buckets = latency.buckets;
    // zod runs this check even when an element failed its own schema: only well-formed lists are compared.
    if (!Array.isArray(buckets) || buckets.length === 0 || buckets.some((bucket) => typeof bucket !== 'object' || bucket === null)) return;
    if (buckets[buckets.length - 1].le !== '+Inf') {
      ctx.addIssue({ code: 'custom', path: ['buckets', buckets.length - 1, 'le'], message: 'the last bucket must be "+Inf"' });
    }
    for (let i = 1; i < buckets.length; i++) {
      const previous = buckets[i - 1];
      const current = buckets[i];
      if (previous.le === '+Inf' || (current.le !== '+Inf' && current.le <= previous.le)) {
        ctx.addIssue({ code: 'custom', path: ['buckets', i, 'le'], message: 'bucket bounds must increase' });
      }
      if (current.count < previous.count) {
        ctx.addIssue({ code: 'custom', path: ['buckets', i, 'count'], message: 'bucket counts are cumulative and must not decrease' });
      }
    }
    if (latency.count !== undefined && buckets[buckets.length - 1].count !== latency.count) {
      ctx.addIssue({ code: 'custom', path: ['count'], message: 'count must equal the "+Inf" bucket count' });
    }
  });
export type Latency = z.infer<typeof latencySchema>;

/** p50/p95/p99 only, for latencies a service reports as quantiles. */
export const quantilesSchema = z.looseObject({
  p50: nonNegative,
  p95: nonNegative,
  p99: nonNegative.optional(),
});
