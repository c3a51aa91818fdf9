// Seeded pseudo-random numbers (mulberry32) shared by initialisers, datasets and the grader.

/** A seeded random source. The same seed yields the same sequence on every platform. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform float in [min, max). */
  uniform(min: number, max: number): number;
  /** Normal sample (Box–Muller) with the given mean and standard deviation. */
  normal(mean?: number, std?: number): number;
  /** Uniform integer in [min, maxExclusive). */
  integer(min: number, maxExclusive: number): number;
}

/**
 * mulberry32: a 32-bit state PRNG by Tommy Ettinger (public domain). Period 2^32, passes
 * gjrand/PractRand tests at the sizes we use, two multiplies per draw. Not for cryptography.
 * Returns floats in [0, 1) with 32 bits of randomness.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Creates a seeded {@link Rng}; `seed` is any integer (taken modulo 2^32). */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new Error(`createRng: seed must be a finite number, got ${seed}`);
  const next = mulberry32(Math.trunc(seed));
  return {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    normal: (mean = 0, std = 1) => {
      // 1 - next() lies in (0, 1], so the logarithm is finite.
      const u = 1 - next();
      const v = next();
      return mean + std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    integer: (min, maxExclusive) => {
      if (!(maxExclusive > min)) throw new Error(`Rng.integer: empty range [${min}, ${maxExclusive})`);
      return min + Math.floor(next() * (maxExclusive - min));
    },
  };
}
