// Time for the emulator comes from an injectable clock, so tests can step simulated time exactly.

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to: for tests and reproducible runs. */
export interface ManualClock extends Clock {
  advance(milliseconds: number): void;
  set(epochMilliseconds: number): void;
}

export function createManualClock(startEpochMilliseconds: number): ManualClock {
  let current = startEpochMilliseconds;
  return {
    now: () => current,
    advance: (milliseconds) => {
      if (milliseconds < 0) throw new Error('a manual clock only moves forward');
      current += milliseconds;
    },
    set: (epochMilliseconds) => {
      if (epochMilliseconds < current) throw new Error('a manual clock only moves forward');
      current = epochMilliseconds;
    },
  };
}
