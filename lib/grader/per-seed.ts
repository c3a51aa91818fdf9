// Host-side data of a spec, made once per seed: the cases, the queries, the score and the baseline share it.

/**
 * Wraps `make` so that it runs once per seed in a row: a grading asks for the same seed's data several
 * times (arguments, queries, score, diagnosis), and generating or fitting a baseline again costs seconds.
 * Only the last seed is kept.
 */
export function perSeed<T>(make: (seed: number) => T): (seed: number) => T {
  let last: { seed: number; value: T } | null = null;
  return (seed) => {
    if (last?.seed !== seed) last = { seed, value: make(seed) };
    return last.value;
  };
}
