// The budget of database work in flight: a fixed number of slots shared by all requests, each freed slot handed to
// the waiting request that holds the fewest (not first come, first served), at most `perRequest` to one request,
// with a bounded queue and a bounded wait. Pure apart from timers: no database in here.
import { ApiError } from './errors';

export interface BudgetOptions {
  slots: number;
  perRequest: number;
  maxQueued: number;
  queueTimeoutMs: number;
}

/** All slots taken for longer than the queue timeout, or the queue full: the honest "busy, retry". */
export class BusyError extends ApiError {
  readonly code = 'ALPHAPULSE_BUSY';
  constructor(reason: string, retryAfterSeconds: number) {
    super(503, `The query API is busy (${reason}); retry in ${retryAfterSeconds} s.`, undefined, retryAfterSeconds);
  }
}

interface Waiter {
  grant(): void;
  timer: NodeJS.Timeout;
}

interface Session {
  active: number;
  waiting: Waiter[];
}

export class DatabaseBudget {
  private active = 0;
  private queued = 0;
  /** Sessions with someone waiting; ties for the next slot go to the one nearest the head (served ones move last). */
  private readonly ring: Session[] = [];

  constructor(private readonly options: BudgetOptions) {}

  get inFlight(): number {
    return this.active;
  }

  get waiting(): number {
    return this.queued;
  }

  /** One per request: its reads share the request's own cap and take turns with other requests' reads. */
  session(): { run<T>(work: () => Promise<T>): Promise<T> } {
    const session: Session = { active: 0, waiting: [] };
    return { run: (work) => this.run(session, work) };
  }

  private async run<T>(session: Session, work: () => Promise<T>): Promise<T> {
    await this.acquire(session);
    try {
      return await work();
    } finally {
      this.active -= 1;
      session.active -= 1;
      this.dispatch();
    }
  }

  private acquire(session: Session): Promise<void> {
    if (session.waiting.length === 0 && session.active < this.options.perRequest && this.active < this.options.slots && this.queued === 0) {
      this.active += 1;
      session.active += 1;
      return Promise.resolve();
    }
    if (this.queued >= this.options.maxQueued) {
      return Promise.reject(new BusyError(`${this.queued} database reads already waiting`, 1));
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
        timer: setTimeout(() => {
          const index = session.waiting.indexOf(waiter);
          if (index >= 0) session.waiting.splice(index, 1);
          this.queued -= 1;
          if (session.waiting.length === 0) this.leaveRing(session);
          reject(new BusyError(`all ${this.options.slots} database slots in use for ${this.options.queueTimeoutMs / 1000} s`, Math.max(1, Math.ceil(this.options.queueTimeoutMs / 1000))));
        }, this.options.queueTimeoutMs),
      };
      session.waiting.push(waiter);
      this.queued += 1;
      if (!this.ring.includes(session)) this.ring.push(session);
      this.dispatch();
    });
  }

  private leaveRing(session: Session): void {
    const index = this.ring.indexOf(session);
    if (index >= 0) this.ring.splice(index, 1);
  }

  /**
   * Grants free slots, each to the waiting request that holds the fewest (ties: the longest without a turn), so
   * requests share the slots evenly. Bounded: each pass over the ring grants one slot or stops.
   */
  private dispatch(): void {
    while (this.active < this.options.slots && this.ring.length > 0) {
      let chosen = -1;
      for (let index = 0; index < this.ring.length; index++) {
        const session = this.ring[index];
        if (session.waiting.length === 0 || session.active >= this.options.perRequest) continue;
        if (chosen < 0 || session.active < this.ring[chosen].active) chosen = index;
      }
      if (chosen < 0) return;
      const [session] = this.ring.splice(chosen, 1);
      const waiter = session.waiting.shift()!;
      this.queued -= 1;
      this.active += 1;
      session.active += 1;
      if (session.waiting.length > 0) this.ring.push(session);
      waiter.grant();
    }
  }
}
