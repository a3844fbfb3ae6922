// The emulated AlphaPulse system: nine service processes over the one emulated market (world/tradingWorld.ts),
// advanced in whole simulated seconds ("ticks") up to the clock's current time whenever anyone looks. State
// therefore depends only on the seed, the clock and the fault history, never on how often it is requested
// (with a data writer attached, the market is the writer's: what the database holds).
import {
  SERVICE_KINDS,
  isServiceKind,
  type HealthRecord,
  type ServiceKind,
  type ServiceStatus,
  type StatsByKind,
} from '@alphapulse/contracts';
import type { Clock } from './clock';
import { DependencyCalls, type DependencyView } from './dependencyCalls';
import { SERVICE_DEPENDENCIES, serviceDependenciesOf } from './dependencyGraph';
import { KIND_MODULES } from './kinds';
import type { AnyKindModule, WorldView } from './kinds/kindModule';
import { ProcessState } from './processDynamics';
import { createRandom, type Random } from './random';
import { TradingWorld, type WorldSnapshot } from '../world/tradingWorld';
import type { FaultMode } from '../faults/faultModes';

export const TICK_MS = 1000;
/** Longer clock jumps are not replayed second by second (e.g. a laptop waking up): the rest is skipped. */
export const MAX_CATCH_UP_TICKS = 6 * 3600;

/** What the simulation needs to know about injected faults. */
export interface FaultLookup {
  /** The fault mode in force for a service at a given time, if any. */
  modeAt(kind: ServiceKind, timeMs: number): FaultMode | undefined;
  /** The fault itself, for modes with parameters (stale_heartbeat's stalledForSeconds). */
  faultAt?(
    kind: ServiceKind,
    timeMs: number,
  ): { mode: FaultMode; setAtMs: number; stalledForSeconds?: number; delaySeconds?: number } | undefined;
}

const NO_FAULTS: FaultLookup = { modeAt: () => undefined };

interface ServiceInstance {
  readonly module: AnyKindModule;
  rng: Random;
  process: ProcessState;
  state: unknown;
  /** Tick at which this process (re)started: uptime counts from here. */
  startedTick: number;
  /** Bumped on each emulated restart, so a restarted process draws fresh numbers. */
  generation: number;
  down: boolean;
  /** Time of the main loop's latest heartbeat: every tick, except while stale_heartbeat holds it. */
  heartbeatMs: number;
  /** Its calls to its dependencies; a stream of its own, so adding them shifted no other number. */
  calls: DependencyCalls;
  callRng: Random;
}

export interface SimulationOptions {
  seed: number;
  clock: Clock;
  faults?: FaultLookup;
  /** The market the trading and sentiment services report; default an own world from `seed`. */
  world?: TradingWorld;
}

export class Simulation implements WorldView {
  /** The market; a data writer attaches the simulation it writes to it (DataWriterOptions.world). */
  readonly world: TradingWorld;
  private readonly root: Random;
  private readonly clock: Clock;
  private readonly faults: FaultLookup;
  private readonly services = new Map<ServiceKind, ServiceInstance>();
  /** Statuses as of the end of the previous tick, which is what services see of each other. */
  private readonly previousStatuses = new Map<ServiceKind, ServiceStatus>();
  private currentTick: number;

  constructor(options: SimulationOptions) {
    this.root = createRandom(options.seed);
    this.world = options.world ?? new TradingWorld({ seed: options.seed });
    this.clock = options.clock;
    this.faults = options.faults ?? NO_FAULTS;
    this.currentTick = Math.floor(this.clock.now() / TICK_MS);
    for (const module of KIND_MODULES) {
      this.services.set(module.kind, this.startProcess(module, 0));
      this.previousStatuses.set(module.kind, 'healthy');
    }
  }

  private startProcess(module: AnyKindModule, generation: number): ServiceInstance {
    const rng = this.root.fork(`${module.kind}#${generation}`);
    return {
      module,
      rng,
      process: new ProcessState(module.profile),
      state: module.createState(rng, this.currentTick * TICK_MS),
      startedTick: this.currentTick,
      generation,
      down: false,
      heartbeatMs: this.currentTick * TICK_MS,
      calls: new DependencyCalls(SERVICE_DEPENDENCIES[module.kind]),
      callRng: this.root.fork(`${module.kind}#${generation}:dependency_calls`),
    };
  }

  /** Steps every whole second between the last tick and the clock's now. */
  advance(): void {
    const target = Math.floor(this.clock.now() / TICK_MS);
    if (target - this.currentTick > MAX_CATCH_UP_TICKS) this.currentTick = target - MAX_CATCH_UP_TICKS;
    while (this.currentTick < target) {
      this.currentTick++;
      this.step(this.currentTick * TICK_MS);
    }
    this.refreshLiveness(this.currentTick * TICK_MS);
  }

  /** Applies down→up transitions: a service that comes back is a freshly restarted process. */
  private refreshLiveness(timeMs: number): void {
    for (const [kind, instance] of this.services) {
      const down = this.faults.modeAt(kind, timeMs) === 'down';
      if (instance.down && !down) this.services.set(kind, this.startProcess(instance.module, instance.generation + 1));
      else instance.down = down;
    }
  }

  private step(timeMs: number): void {
    this.refreshLiveness(timeMs);
    for (const [kind, instance] of this.services) {
      if (instance.down) continue; // a dead process does nothing
      const mode = this.faults.modeAt(kind, timeMs);
      instance.process.step(instance.rng, {
        timeMs,
        failingRequests: mode === 'errors',
        forcedDegraded: mode === 'degraded',
        dependencyUnavailable: this.unavailableDependencies(kind, timeMs).length > 0,
        errorBurst: mode === 'error_burst',
        latencySpike: mode === 'latency_spike',
        memoryLeak: mode === 'memory_leak',
      });
      instance.module.step(instance.state, { rng: instance.rng, timeMs, process: instance.process, world: this, fault: mode });
      const outages = instance.module.externalOutages?.(instance.state) ?? [];
      instance.calls.step(instance.callRng, instance.process.requestsLastTick, (dependency) =>
        this.dependencyView(dependency, timeMs, outages),
      );
      if (mode !== 'stale_heartbeat') instance.heartbeatMs = timeMs;
    }
    for (const kind of SERVICE_KINDS) this.previousStatuses.set(kind, this.statusAt(kind, timeMs));
  }

  private instance(kind: ServiceKind): ServiceInstance {
    const instance = this.services.get(kind);
    if (!instance) throw new Error(`unknown service ${kind}`);
    return instance;
  }

  /** What a caller sees of one of its dependencies this tick. */
  private dependencyView(dependency: string, timeMs: number, outages: readonly string[]): DependencyView {
    if (!isServiceKind(dependency)) return { kind: 'external', name: dependency, outage: outages.includes(dependency) };
    const target = this.instance(dependency);
    const fault = this.faults.faultAt?.(dependency, timeMs);
    return {
      kind: 'service',
      status: target.down ? 'down' : this.statusOf(dependency),
      mode: this.faults.modeAt(dependency, timeMs),
      ...(fault?.delaySeconds !== undefined && { delaySeconds: fault.delaySeconds }),
      medianSeconds: target.process.latencyShape.medianSeconds,
    };
  }

  /** Direct service dependencies that cannot answer: down, or hung (callers time out either way). */
  unavailableDependencies(kind: ServiceKind, timeMs = this.currentTick * TICK_MS): ServiceKind[] {
    return serviceDependenciesOf(kind).filter((dependency) => {
      const mode = this.faults.modeAt(dependency, timeMs);
      return mode === 'down' || mode === 'hung';
    });
  }

  /**
   * Why a service is not healthy, empty when it is. Only direct dependencies count: a service sees its
   * own calls fail; the blast radius further up the graph is for the observability suite to work out.
   */
  statusReasons(kind: ServiceKind, timeMs = this.currentTick * TICK_MS): string[] {
    const instance = this.instance(kind);
    const mode = this.faults.modeAt(kind, timeMs);
    if (instance.down || mode === 'down') return ['down'];
    const reasons: string[] = [];
    if (mode === 'errors') reasons.push('failing requests');
    if (mode === 'degraded') reasons.push('degraded');
    if (instance.process.inErrorBurst || mode === 'error_burst') reasons.push('error burst');
    for (const dependency of this.unavailableDependencies(kind, timeMs)) reasons.push(`dependency ${dependency} unavailable`);
    const own = instance.module.degradedReason?.(instance.state);
    if (own) reasons.push(own);
    return reasons;
  }

  private statusAt(kind: ServiceKind, timeMs: number): ServiceStatus {
    const reasons = this.statusReasons(kind, timeMs);
    if (reasons[0] === 'down') return 'down';
    return reasons.length > 0 ? 'degraded' : 'healthy';
  }

  /** The market as of the latest tick: the world's latest completed minute. */
  get market(): WorldSnapshot {
    return this.world.at(this.currentTick * TICK_MS);
  }

  statusOf(kind: ServiceKind): ServiceStatus {
    return this.previousStatuses.get(kind) ?? 'healthy';
  }

  /** Simulated time of the latest tick. */
  get nowMs(): number {
    return this.currentTick * TICK_MS;
  }

  health(kind: ServiceKind): HealthRecord {
    this.advance();
    const instance = this.instance(kind);
    const view = { process: instance.process, world: this };
    return {
      service_name: kind,
      status: this.statusAt(kind, this.nowMs),
      uptime: this.currentTick - instance.startedTick,
      last_heartbeat: new Date(this.heartbeatMs(kind)).toISOString(),
      error_count: instance.process.errorCount,
      warning_count: instance.process.warningCount,
      dependencies: [...SERVICE_DEPENDENCIES[kind]],
      performance_metrics: { ...instance.process.commonPerformanceMetrics(), ...instance.module.performanceMetrics(instance.state, view) },
    };
  }

  /** The heartbeat a health record reports: now, unless stale_heartbeat holds the main loop. */
  private heartbeatMs(kind: ServiceKind): number {
    if (this.faults.modeAt(kind, this.nowMs) !== 'stale_heartbeat') return this.nowMs;
    const frozenMs = this.instance(kind).heartbeatMs;
    const fault = this.faults.faultAt?.(kind, this.nowMs);
    // stalledForSeconds backdates the stall: the loop had already been stuck that long when the fault was set.
    return fault ? Math.min(frozenMs, fault.setAtMs - (fault.stalledForSeconds ?? 0) * 1000) : frozenMs;
  }

  stats<K extends ServiceKind>(kind: K): StatsByKind[K] {
    this.advance();
    const instance = this.instance(kind);
    const common = instance.process.commonStats(kind, new Date(this.nowMs).toISOString());
    const stats = instance.module.stats(instance.state, common, { process: instance.process, world: this });
    return { ...stats, dependency_calls: instance.calls.toContract() } as StatsByKind[K];
  }
}
