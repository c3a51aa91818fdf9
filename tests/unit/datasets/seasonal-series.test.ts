// The seasonal series of exercise 08: pinned values, the promised statistics, windows that never overlap.
import { describe, expect, it } from 'vitest';
import {
  ar1Noise,
  disjointWindows,
  SEASONAL_SERIES_DEFAULTS as D,
  seasonalSignal,
  seasonalSplit,
  seededShuffle,
} from '@/lib/datasets/seasonal-series';
import { createRng } from '@/lib/lstm/random';

const mean = (v: ArrayLike<number>) => Array.from(v).reduce((a, b) => a + b, 0) / v.length;

describe('seasonalSignal', () => {
  it('is level + trend·t + A·sin(2πt/P + φ₁) + A/2·sin(4πt/P + φ₂), with level and phases drawn in that order', () => {
    const rng = createRng(11);
    const level = D.baseLevel + rng.uniform(-5, 5);
    const [p1, p2] = [rng.uniform(0, 2 * Math.PI), rng.uniform(0, 2 * Math.PI)];
    const signal = seasonalSignal(11, 100);
    for (const t of [0, 1, 6, 37, 99]) {
      const expected = level + D.trendPerStep * t + 4 * Math.sin((2 * Math.PI * t) / 24 + p1) + 2 * Math.sin((4 * Math.PI * t) / 24 + p2);
      expect(signal[t]).toBeCloseTo(expected, 12);
    }
  });

  it('repeats every period up to the trend', () => {
    const s = seasonalSignal(3, 200);
    for (const t of [0, 13, 100]) expect(s[t + 24] - s[t]).toBeCloseTo(24 * D.trendPerStep, 10);
  });
});

describe('ar1Noise', () => {
  it('has the stationary std σ/√(1 − φ²) and lag-1 autocorrelation φ', () => {
    const e = ar1Noise(5, 200_000);
    const m = mean(e);
    const variance = mean(Array.from(e, (v) => (v - m) ** 2));
    const lag1 = mean(Array.from(e.subarray(1), (v, t) => (v - m) * (e[t] - m))) / variance;
    expect(Math.sqrt(variance)).toBeCloseTo(D.noiseStd / Math.sqrt(1 - D.noiseAr ** 2), 2);
    expect(lag1).toBeCloseTo(D.noiseAr, 2);
  });

  it('continues from a previous value: e₀ = φ·previous + ε₀', () => {
    const fresh = createRng(9);
    const e = ar1Noise(9, 3, D, 10);
    expect(e[0]).toBeCloseTo(D.noiseAr * 10 + fresh.normal(0, D.noiseStd), 12);
  });
});

describe('seasonalSplit', () => {
  it('keeps the training stretch whatever the hidden seed, and hides the future behind it', () => {
    const a = seasonalSplit(1, 100, 500, 300);
    const b = seasonalSplit(1, 200, 500, 300);
    expect(a.train).toEqual(b.train);
    expect(a.future).not.toEqual(b.future);
    expect(seasonalSplit(2, 100, 500, 300).train).not.toEqual(a.train);
  });

  it('is the same series going on: the future stays within the level and swing of the past', () => {
    const { train, future } = seasonalSplit(4, 44, 1000, 2400);
    expect(Math.abs(mean(future) - mean(train))).toBeLessThan(2); // trend 0.0004/step: ≈ 0.7 apart
    expect(Math.max(...future) - Math.min(...future)).toBeLessThan(2 * (Math.max(...train) - Math.min(...train)));
  });
});

describe('disjointWindows and seededShuffle', () => {
  it('cuts windows of W values and the next one, never sharing a step', () => {
    const series = Float32Array.from({ length: 53 }, (_, t) => t);
    const w = disjointWindows(series, 4);
    expect(w).toHaveLength(10); // ⌊53 / 5⌋
    expect(Array.from(w[0].window)).toEqual([0, 1, 2, 3]);
    expect(w[0].next).toBe(4);
    expect(Array.from(w[1].window)).toEqual([5, 6, 7, 8]);
    const used = w.flatMap((q) => [...q.window, q.next]);
    expect(new Set(used).size).toBe(used.length);
  });

  it('shuffles into a seeded permutation', () => {
    const items = Array.from({ length: 50 }, (_, k) => k);
    const a = seededShuffle(items, 7);
    expect([...a].sort((x, y) => x - y)).toEqual(items);
    expect(a).toEqual(seededShuffle(items, 7));
    expect(a).not.toEqual(items);
    expect(a).not.toEqual(seededShuffle(items, 8));
  });
});
