// The shape of one service kind's module: its own state, how it evolves each simulated second, and
// how it reports. Common process dynamics (CPU, memory, requests, latency, errors) live in ProcessState.
import type { CommonStats, ServiceKind, ServiceStatus, StatsByKind } from '@alphapulse/contracts';
import type { FaultMode } from '../../faults/faultModes';
import type { ProcessProfile, ProcessState } from '../processDynamics';
import type { Random } from '../random';
import type { WorldSnapshot } from '../../world/tradingWorld';

/** What a service can see of the rest of the emulated system. */
export interface WorldView {
  /** The market as of the latest tick (its latest completed minute): the same numbers the database holds. */
  readonly market: WorldSnapshot;
  /** Status of a service as of the previous tick (services step in order, so this stays deterministic). */
  statusOf(kind: ServiceKind): ServiceStatus;
}

export interface KindTick {
  rng: Random;
  timeMs: number;
  process: ProcessState;
  world: WorldView;
  /** The fault in force on this service this tick; kinds react to their own scenario modes. */
  fault?: FaultMode;
}

/** What a kind may read when it reports. */
export interface ReportView {
  process: ProcessState;
  world: WorldView;
}

export interface KindModule<K extends ServiceKind, S> {
  kind: K;
  profile: ProcessProfile;
  createState(rng: Random, startMs: number): S;
  step(state: S, tick: KindTick): void;
  /** The full /stats payload, given the common part. */
  stats(state: S, common: CommonStats, view: ReportView): StatsByKind[K];
  /** Kind-specific numbers for the health record's performance_metrics. */
  performanceMetrics(state: S, view: ReportView): Record<string, number>;
  /** Externals (dependency names) this kind currently sees failing, so its calls to them fail too. */
  externalOutages?(state: S): readonly string[];
  /** A kind-specific reason to report degraded (e.g. a queue backlog), or undefined. */
  degradedReason?(state: S): string | undefined;
}

/** A kind module with its state type erased, for the registry. */
export type AnyKindModule = KindModule<ServiceKind, unknown>;

/** Keeps a module's state type checked where it is written, and erases it for the registry. */
export function defineKind<K extends ServiceKind, S>(module: KindModule<K, S>): AnyKindModule {
  return module as unknown as AnyKindModule;
}

export const roundTo = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

export const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));
