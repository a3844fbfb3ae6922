// The faults in force: at most one per service (setting another replaces it), each optionally expiring.
import type { ServiceKind } from '@alphapulse/contracts';
import type { Clock } from '../services/clock';
import type { FaultLookup } from '../services/simulation';
import { DEFAULT_SLOW_DELAY_SECONDS, type FaultMode } from './faultModes';

export interface Fault {
  service: ServiceKind;
  mode: FaultMode;
  setAtMs: number;
  /** When the fault clears by itself; undefined = until cleared. */
  expiresAtMs?: number;
  /** For "slow": how long each answer waits. */
  delaySeconds?: number;
  /** For "stale_heartbeat": how long the loop had already been stuck when the fault was set. */
  stalledForSeconds?: number;
}

export interface FaultRequest {
  service: ServiceKind;
  mode: FaultMode;
  durationSeconds?: number;
  delaySeconds?: number;
  stalledForSeconds?: number;
}

/** The JSON form of a fault, as the control API lists it. */
export interface FaultView {
  service: ServiceKind;
  mode: FaultMode;
  since: string;
  expires_at?: string;
  delay_seconds?: number;
  stalled_for_seconds?: number;
}

export class FaultStore implements FaultLookup {
  private readonly faults = new Map<ServiceKind, Fault>();

  constructor(private readonly clock: Clock) {}

  set(request: FaultRequest): Fault {
    const now = this.clock.now();
    const fault: Fault = {
      service: request.service,
      mode: request.mode,
      setAtMs: now,
      ...(request.durationSeconds !== undefined && { expiresAtMs: now + request.durationSeconds * 1000 }),
      ...(request.mode === 'slow' && { delaySeconds: request.delaySeconds ?? DEFAULT_SLOW_DELAY_SECONDS }),
      ...(request.stalledForSeconds !== undefined && { stalledForSeconds: request.stalledForSeconds }),
    };
    this.faults.set(request.service, fault);
    return fault;
  }

  clear(service: ServiceKind): boolean {
    return this.faults.delete(service);
  }

  clearAll(): ServiceKind[] {
    const cleared = [...this.faults.keys()];
    this.faults.clear();
    return cleared;
  }

  /**
   * The fault in force for a service at `timeMs` (default now); expired faults count as gone. The
   * simulation is always advanced before a fault changes, so the set time needs no check here.
   */
  faultAt(service: ServiceKind, timeMs = this.clock.now()): Fault | undefined {
    const fault = this.faults.get(service);
    if (!fault) return undefined;
    if (fault.expiresAtMs !== undefined && timeMs >= fault.expiresAtMs) return undefined;
    return fault;
  }

  modeAt(service: ServiceKind, timeMs: number): FaultMode | undefined {
    return this.faultAt(service, timeMs)?.mode;
  }

  /** Forgets faults that have expired by now; returns the services they were on. */
  pruneExpired(): ServiceKind[] {
    const now = this.clock.now();
    const expired = [...this.faults.values()].filter((f) => f.expiresAtMs !== undefined && now >= f.expiresAtMs);
    for (const fault of expired) this.faults.delete(fault.service);
    return expired.map((f) => f.service);
  }

  list(): FaultView[] {
    return [...this.faults.values()]
      .filter((fault) => this.faultAt(fault.service) !== undefined)
      .map((fault) => ({
        service: fault.service,
        mode: fault.mode,
        since: new Date(fault.setAtMs).toISOString(),
        ...(fault.expiresAtMs !== undefined && { expires_at: new Date(fault.expiresAtMs).toISOString() }),
        ...(fault.delaySeconds !== undefined && { delay_seconds: fault.delaySeconds }),
        ...(fault.stalledForSeconds !== undefined && { stalled_for_seconds: fault.stalledForSeconds }),
      }));
  }
}
