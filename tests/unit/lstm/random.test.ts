// mulberry32 and the Rng helpers: reference values, ranges, rough distribution checks.
import { describe, expect, it } from 'vitest';
import { createRng, mulberry32 } from '@/lib/lstm';

describe('mulberry32', () => {
  it('reproduces the reference sequence', () => {
    // Computed with an independent Python transcription of Tommy Ettinger's mulberry32.
    const a = mulberry32(42);
    expect([a(), a(), a(), a()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099, 0.6697340414393693]);
    const b = mulberry32(0);
    expect([b(), b()]).toEqual([0.26642920868471265, 0.0003297457005828619]);
  });
});

describe('createRng', () => {
  it('is deterministic per seed and stays in range', () => {
    const a = createRng(7);
    const b = createRng(7);
    const xs = Array.from({ length: 1000 }, () => a.uniform(-2, 3));
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.uniform(-2, 3)));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(-2);
    expect(Math.max(...xs)).toBeLessThan(3);
    const ints = Array.from({ length: 1000 }, () => a.integer(3, 6));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
  });

  it('normal() has roughly the requested mean and standard deviation', () => {
    const rng = createRng(123);
    const n = 20000;
    const xs = Array.from({ length: n }, () => rng.normal(2, 0.5));
    const mean = xs.reduce((s, v) => s + v, 0) / n;
    const std = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / n);
    expect(Math.abs(mean - 2)).toBeLessThan(0.02);
    expect(Math.abs(std - 0.5)).toBeLessThan(0.02);
    expect(xs.every(Number.isFinite)).toBe(true);
  });

  it('rejects bad arguments', () => {
    expect(() => createRng(Number.NaN)).toThrow();
    expect(() => createRng(1).integer(2, 2)).toThrow('empty range');
  });
});
