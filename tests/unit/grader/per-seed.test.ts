// perSeed: a spec's host-side data is made once per seed in a row, and again for another seed.
import { describe, expect, it } from 'vitest';
import { perSeed } from '@/lib/grader/per-seed';

describe('perSeed', () => {
  it('makes the value once for repeated calls with one seed, and anew when the seed changes', () => {
    const made: number[] = [];
    const dataOf = perSeed((seed) => {
      made.push(seed);
      return { seed };
    });
    const first = dataOf(1);
    expect(dataOf(1)).toBe(first);
    expect(dataOf(2)).toEqual({ seed: 2 });
    expect(dataOf(1)).not.toBe(first); // only the last seed is kept
    expect(made).toEqual([1, 2, 1]);
  });
});
