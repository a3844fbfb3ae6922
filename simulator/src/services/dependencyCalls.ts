// Calls one emulated service makes to each of its dependencies: how many, how many failed, how long they
// took. The rules are pure (what a call to a dependency in some state costs); DependencyCalls keeps the
// counters of one process, so they start from zero when the process restarts.
import { type ServiceStatus } from '@alphapulse/contracts';
import type { FaultMode } from '../faults/faultModes';
import { ERROR_BURST_FAILURE_RATIO } from '../faults/faultModes';
import { DEFAULT_PROMETHEUS_BUCKET_BOUNDS, LatencyHistogram, type HistogramSnapshot, type LatencyShape } from './latencyHistogram';
import type { Random } from './random';

/** The contract's `dependency_calls` entry. */
export interface DependencyCallStats {
  dependency: string;
  requests: number;
  errors: number;
  latency: HistogramSnapshot;
}

/** Callers give up after this long (retries with backoff included): calls to a dead dependency end here. */
export const CALL_TIMEOUT_SECONDS = 3;
/** Share of calls that fail against a healthy dependency (a dropped connection now and then). */
export const BASE_CALL_ERROR_RATIO = 0.001;
/** A dependency that says it is degraded fails this share of calls and answers this much slower. */
export const DEGRADED_CALL_ERROR_RATIO = 0.05;
export const DEGRADED_CALL_SLOWDOWN = 2;
/** Round trip on the local network, added to a service dependency's own request latency. */
const NETWORK_SECONDS = 0.0008;
const CALL_SIGMA = 0.5;

/** Typical latency of the externals AlphaPulse calls; unknown externals get the default. */
const EXTERNAL_MEDIAN_SECONDS: Record<string, number> = {
  timescaledb: 0.002,
  exchange_api: 0.04,
  twitter_api: 0.15,
  reddit_api: 0.2,
  news_api: 0.1,
  smtp: 0.3,
  slack: 0.12,
  sms_gateway: 0.25,
};
const DEFAULT_EXTERNAL_MEDIAN_SECONDS = 0.05;

/** Calls per request the caller handles, per dependency name: call rate follows the caller's load. */
const CALLS_PER_REQUEST: Record<string, number> = {
  timescaledb: 0.8,
  exchange_api: 0.3,
  twitter_api: 0.05,
  reddit_api: 0.03,
  news_api: 0.02,
  smtp: 0.02,
  slack: 0.03,
  sms_gateway: 0.01,
};
const DEFAULT_CALLS_PER_REQUEST = 0.25;

export function callsPerRequest(dependency: string): number {
  return CALLS_PER_REQUEST[dependency] ?? DEFAULT_CALLS_PER_REQUEST;
}

/** What a caller can tell about the dependency it calls, this second. */
export type DependencyView =
  | {
      kind: 'service';
      /** Its status as of the previous tick; 'down' also while its process is dead. */
      status: ServiceStatus;
      /** The fault on it, if any. */
      mode?: FaultMode;
      /** For "slow": how long each answer waits. */
      delaySeconds?: number;
      /** Its own current median request latency. */
      medianSeconds: number;
    }
  | { kind: 'external'; name: string; outage: boolean };

/** What a call to a dependency in a given state costs: the share that fails and their latency. */
export interface CallCondition {
  errorRatio: number;
  latency: LatencyShape;
}

const timedOut: CallCondition = { errorRatio: 1, latency: { medianSeconds: CALL_TIMEOUT_SECONDS, sigma: 0.02 } };

export function callCondition(target: DependencyView): CallCondition {
  if (target.kind === 'external') {
    const median = EXTERNAL_MEDIAN_SECONDS[target.name] ?? DEFAULT_EXTERNAL_MEDIAN_SECONDS;
    // An outage of a third-party API: mostly rate-limit and 5xx answers, slow ones.
    return target.outage
      ? { errorRatio: 0.9, latency: { medianSeconds: median * 3, sigma: CALL_SIGMA } }
      : { errorRatio: BASE_CALL_ERROR_RATIO, latency: { medianSeconds: median, sigma: CALL_SIGMA } };
  }
  const mode = target.mode;
  if (target.status === 'down' || mode === 'down' || mode === 'hung') return timedOut;
  if (mode === 'slow' && (target.delaySeconds ?? 0) >= CALL_TIMEOUT_SECONDS) return timedOut;

  // Independent causes of failure combine: a call succeeds only if none of them strikes.
  let succeeds = 1 - BASE_CALL_ERROR_RATIO;
  const alsoFails = (ratio: number) => (succeeds *= 1 - ratio);
  let median = NETWORK_SECONDS + target.medianSeconds;
  if (target.status === 'degraded') {
    alsoFails(DEGRADED_CALL_ERROR_RATIO);
    median *= DEGRADED_CALL_SLOWDOWN;
  }
  // Fault modes that bend answers rather than the status the dependency reports.
  if (mode === 'errors') alsoFails(0.5);
  if (mode === 'error_burst') alsoFails(ERROR_BURST_FAILURE_RATIO);
  if (mode === 'malformed') alsoFails(0.5); // half its answers are cut off
  if (mode === 'oversized') median *= 4; // padded answers take long to read
  if (mode === 'slow') median = Math.max(median, target.delaySeconds ?? 0);
  const errorRatio = 1 - succeeds;
  return { errorRatio, latency: { medianSeconds: Math.min(median, CALL_TIMEOUT_SECONDS), sigma: CALL_SIGMA } };
}

/**
 * Failed calls out of `calls` at `errorRatio`: floor(n·p + u) with u uniform in [0, 1) is unbiased, never
 * above n, and non-decreasing in p for the same u, so a worse dependency never shows fewer errors.
 */
export function failedCalls(calls: number, errorRatio: number, dither: number): number {
  if (errorRatio >= 1) return calls;
  return Math.min(calls, Math.floor(calls * Math.max(0, errorRatio) + dither));
}

class EdgeCounter {
  requests = 0;
  errors = 0;
  readonly latency = new LatencyHistogram(DEFAULT_PROMETHEUS_BUCKET_BOUNDS);

  constructor(readonly dependency: string) {}
}

/** One process's calls to its dependencies, totals since it started. */
export class DependencyCalls {
  private readonly edges: EdgeCounter[];

  constructor(dependencies: readonly string[]) {
    this.edges = dependencies.map((dependency) => new EdgeCounter(dependency));
  }

  /**
   * One second of calls. Always draws the same numbers for the same caller load, whatever state the
   * dependencies are in, so a fault elsewhere changes outcomes but never shifts the random stream.
   */
  step(rng: Random, callerRequests: number, view: (dependency: string) => DependencyView): void {
    for (const edge of this.edges) {
      const calls = rng.poisson(callsPerRequest(edge.dependency) * callerRequests);
      const errorDither = rng.next();
      const latencyDither = rng.next();
      const condition = callCondition(view(edge.dependency));
      edge.requests += calls;
      edge.errors += failedCalls(calls, condition.errorRatio, errorDither);
      edge.latency.observe(calls, condition.latency, latencyDither);
    }
  }

  toContract(): DependencyCallStats[] {
    return this.edges.map((edge) => ({
      dependency: edge.dependency,
      requests: edge.requests,
      errors: edge.errors,
      latency: edge.latency.toHistogram(),
    }));
  }
}


