// Seeded randomness for the emulated services. Every random number the emulator draws comes from here,
// so one seed reproduces every payload exactly.

/** A deterministic stream of pseudo-random numbers. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** Integer in [min, max]. */
  integer(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Standard normal (mean 0, standard deviation 1). */
  normal(): number;
  /** Poisson-distributed count with the given mean (normal approximation above 30). */
  poisson(mean: number): number;
  pick<T>(items: readonly T[]): T;
  /** An independent stream derived from this seed and a label, so adding a consumer never shifts another's numbers. */
  fork(label: string): Random;
}

/** FNV-1a: turns a label into 32 bits for seeding. */
export function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: tiny, fast, and good enough for simulation (not for cryptography). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createRandom(seed: number): Random {
  const baseSeed = seed >>> 0;
  const next = mulberry32(baseSeed);
  const random: Random = {
    next,
    between: (min, max) => min + (max - min) * next(),
    integer: (min, max) => min + Math.floor((max - min + 1) * next()),
    chance: (p) => next() < p,
    normal: () => {
      // Box–Muller; 1 - next() keeps the logarithm's argument in (0, 1].
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    poisson: (mean) => {
      if (mean <= 0) return 0;
      if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.normal()));
      // Knuth's method: exact and cheap for small means.
      const limit = Math.exp(-mean);
      let k = 0;
      let product = next();
      while (product > limit) {
        k++;
        product *= next();
      }
      return k;
    },
    pick: (items) => items[Math.floor(next() * items.length)],
    fork: (label) => createRandom(hashLabel(`${baseSeed}:${label}`)),
  };
  return random;
}
