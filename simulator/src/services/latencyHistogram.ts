// Cumulative latency histogram fed by batches of requests drawn from a log-normal distribution.
// Whole batches are spread over the buckets with the distribution's CDF, so no per-request sampling is
// needed and the buckets stay cumulative and consistent with the request count by construction.
import type { Latency } from '@alphapulse/contracts';

/** Bucket upper bounds in seconds, Prometheus-style. */
export const LATENCY_BUCKET_BOUNDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] as const;

/** Standard normal CDF via the Abramowitz–Stegun erf approximation (error < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Prometheus' default buckets, for calls that may run into a client timeout of a few seconds. */
export const DEFAULT_PROMETHEUS_BUCKET_BOUNDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;
const Z_95 = 1.6448536;
const Z_99 = 2.3263479;

/** Log-normal latency: median in seconds and sigma (spread of the logarithm). */
export interface LatencyShape {
  medianSeconds: number;
  sigma: number;
}

export function latencyQuantiles(shape: LatencyShape): { p50: number; p95: number; p99: number } {
  const round = (seconds: number) => Math.round(seconds * 1e6) / 1e6;
  return {
    p50: round(shape.medianSeconds),
    p95: round(shape.medianSeconds * Math.exp(Z_95 * shape.sigma)),
    p99: round(shape.medianSeconds * Math.exp(Z_99 * shape.sigma)),
  };
}

/** Buckets, sum and count only: the histogram part of the contract's latency object. */
export interface HistogramSnapshot {
  buckets: { le: number | '+Inf'; count: number }[];
  sum: number;
  count: number;
}

export class LatencyHistogram {
  private readonly bucketCounts: number[];
  private readonly logBounds: number[];
  private total = 0;
  private sumSeconds = 0;

  constructor(private readonly bounds: readonly number[] = LATENCY_BUCKET_BOUNDS) {
    this.bucketCounts = bounds.map(() => 0);
    this.logBounds = bounds.map(Math.log);
  }

  /**
   * Records `requests` requests whose latencies follow `shape`. `dither` (uniform in [0, 1)) rounds the
   * expected bucket counts without bias; one value for all buckets keeps them cumulative.
   */
  observe(requests: number, shape: LatencyShape, dither: number): void {
    if (requests <= 0) return;
    const logMedian = Math.log(shape.medianSeconds);
    this.logBounds.forEach((logBound, i) => {
      // floor(n·CDF + u) is non-decreasing in the bound and never exceeds n, so buckets stay cumulative.
      this.bucketCounts[i] += Math.floor(requests * normalCdf((logBound - logMedian) / shape.sigma) + dither);
    });
    this.total += requests;
    // Mean of a log-normal: median · e^(σ²/2).
    this.sumSeconds += requests * shape.medianSeconds * Math.exp((shape.sigma * shape.sigma) / 2);
  }

  get count(): number {
    return this.total;
  }

  toHistogram(): HistogramSnapshot {
    return {
      buckets: [...this.bounds.map((le, i) => ({ le, count: this.bucketCounts[i] })), { le: '+Inf' as const, count: this.total }],
      sum: Math.round(this.sumSeconds * 1e6) / 1e6,
      count: this.total,
    };
  }

  toContract(shape: LatencyShape): Latency {
    return { ...this.toHistogram(), ...latencyQuantiles(shape) };
  }
}
