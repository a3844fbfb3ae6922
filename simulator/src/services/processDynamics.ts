// What every emulated service process does each simulated second, whatever its kind: load that follows
// the day, requests, latency that rises with load, CPU, memory that creeps up until a GC drops it,
// error bursts and warnings.
import type { CommonStats, ServiceKind } from '@alphapulse/contracts';
import { diurnalLoad } from './diurnalLoad';
import { LatencyHistogram, latencyQuantiles, type LatencyShape } from './latencyHistogram';
import type { Random } from './random';
import {
  ERROR_BURST_FAILURE_RATIO,
  LATENCY_SPIKE_MEDIAN_SECONDS,
  MEMORY_LEAK_BYTES_PER_SECOND,
  MEMORY_LEAK_CAP_BYTES,
} from '../faults/faultModes';

/** How busy and heavy a kind of service is; tuned per kind in its module. */
export interface ProcessProfile {
  version: string;
  /** Requests or operations per second at an ordinary daytime load (load 1). */
  requestsPerSecond: number;
  latencyMedianSeconds: number;
  latencySigma: number;
  cpuSecondsPerRequest: number;
  idleCpuSecondsPerSecond: number;
  baseMemoryBytes: number;
  memoryGrowthBytesPerSecond: number;
  /** Mean number of spontaneous error bursts per hour. */
  errorBurstsPerHour: number;
}

/** Outside conditions for one tick, decided by the simulation from faults and the dependency graph. */
export interface TickConditions {
  timeMs: number;
  /** The "errors" fault: the service fails requests and counts errors. */
  failingRequests: boolean;
  /** The "degraded" fault: the service warns continuously. */
  forcedDegraded: boolean;
  /** A direct service dependency is down or hung: calls to it time out. */
  dependencyUnavailable: boolean;
  /** The "error_burst" scenario: most requests fail, yet /health and /stats still answer. */
  errorBurst?: boolean;
  /** The "latency_spike" scenario: every request waits on something slow. */
  latencySpike?: boolean;
  /** The "memory_leak" scenario: memory that no collection returns, freed when the fault clears. */
  memoryLeak?: boolean;
}

export class ProcessState {
  cpuSecondsTotal = 0;
  residentMemoryBytes: number;
  requestsTotal = 0;
  requestsLastTick = 0;
  errorCount = 0;
  warningCount = 0;
  /** Seconds left in the current spontaneous error burst; degraded while > 0. */
  errorBurstSecondsLeft = 0;
  /** Bytes held by the memory_leak scenario, on top of the ordinary heap. */
  leakedBytes = 0;
  /** Current load factor (diurnal shape × slow noise). */
  load = 1;
  latencyShape: LatencyShape;
  readonly latency = new LatencyHistogram();
  private loadNoise = 0;

  constructor(readonly profile: ProcessProfile) {
    this.residentMemoryBytes = profile.baseMemoryBytes;
    this.latencyShape = { medianSeconds: profile.latencyMedianSeconds, sigma: profile.latencySigma };
  }

  step(rng: Random, conditions: TickConditions): void {
    const profile = this.profile;
    // AR(1) noise around the daily shape: wanders by ±10 % over minutes rather than jittering each second.
    this.loadNoise = 0.97 * this.loadNoise + 0.024 * rng.normal();
    this.load = Math.max(0.05, diurnalLoad(conditions.timeMs) * (1 + this.loadNoise));

    const requests = rng.poisson(profile.requestsPerSecond * this.load);
    this.requestsLastTick = requests;
    this.requestsTotal += requests;

    // Queueing makes latency grow faster than linearly with load; failing calls wait for timeouts.
    let median = profile.latencyMedianSeconds * (0.6 + 0.4 * this.load * this.load);
    if (this.errorBurstSecondsLeft > 0 || conditions.failingRequests || conditions.errorBurst) median *= 1.6;
    if (conditions.dependencyUnavailable) median *= 2.5;
    if (conditions.latencySpike) median = Math.max(median, LATENCY_SPIKE_MEDIAN_SECONDS);
    this.latencyShape = { medianSeconds: median, sigma: profile.latencySigma + 0.1 * Math.min(this.load, 2) };
    this.latency.observe(requests, this.latencyShape, rng.next());

    this.cpuSecondsTotal += profile.idleCpuSecondsPerSecond + requests * profile.cpuSecondsPerRequest * rng.between(0.85, 1.15);

    this.stepMemory(rng, requests);
    // The leak draws no random numbers, so once it clears the process carries on as if it had never leaked.
    this.leakedBytes = conditions.memoryLeak
      ? Math.min(this.leakedBytes + MEMORY_LEAK_BYTES_PER_SECOND, Math.max(0, MEMORY_LEAK_CAP_BYTES - this.residentMemoryBytes))
      : 0;
    this.stepErrors(rng, conditions);
  }

  private stepMemory(rng: Random, requests: number): void {
    const base = this.profile.baseMemoryBytes;
    this.residentMemoryBytes += this.profile.memoryGrowthBytesPerSecond * rng.between(0.5, 1.5) + requests * 64;
    // A full collection returns most of the growth once the heap has grown well past its base.
    if (this.residentMemoryBytes > base * 1.5 && rng.chance(0.01)) {
      this.residentMemoryBytes = base * rng.between(1.0, 1.12);
    }
  }

  private stepErrors(rng: Random, conditions: TickConditions): void {
    if (this.errorBurstSecondsLeft > 0) {
      this.errorBurstSecondsLeft--;
      this.errorCount += rng.integer(1, 8);
    } else if (rng.chance(this.profile.errorBurstsPerHour / 3600)) {
      this.errorBurstSecondsLeft = rng.integer(20, 120);
    }
    this.errorCount += rng.poisson(0.002);
    this.warningCount += rng.poisson(0.01);
    if (conditions.failingRequests) this.errorCount += Math.max(1, Math.round(this.requestsLastTick * 0.5));
    if (conditions.errorBurst) this.errorCount += Math.max(1, Math.round(this.requestsLastTick * ERROR_BURST_FAILURE_RATIO));
    if (conditions.forcedDegraded) this.warningCount += rng.integer(1, 4);
    if (conditions.dependencyUnavailable) {
      this.warningCount += rng.integer(1, 3);
      this.errorCount += rng.poisson(0.5);
    }
  }

  get inErrorBurst(): boolean {
    return this.errorBurstSecondsLeft > 0;
  }

  commonStats(kind: ServiceKind, timestamp: string): CommonStats {
    return {
      service_name: kind,
      version: this.profile.version,
      timestamp,
      cpu_seconds_total: Math.round(this.cpuSecondsTotal * 1000) / 1000,
      resident_memory_bytes: Math.round(this.residentMemoryBytes + this.leakedBytes),
      requests_total: this.requestsTotal,
      latency_seconds: this.latency.toContract(this.latencyShape),
    };
  }

  /** The numbers every kind puts in its health record's performance_metrics. */
  commonPerformanceMetrics(): Record<string, number> {
    const quantiles = latencyQuantiles(this.latencyShape);
    return {
      requests_per_second: this.requestsLastTick,
      latency_p95_seconds: quantiles.p95,
      load_factor: Math.round(this.load * 1000) / 1000,
    };
  }
}
