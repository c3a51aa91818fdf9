// Tolerances, shape and NaN reporting, worst elements and gate blocks of lib/grader/compare.
import { describe, expect, it } from 'vitest';
import {
  compareLogScale,
  compareTensors,
  FORWARD_TOLERANCE,
  GRADIENT_TOLERANCE,
  LOG_SCALE_TOLERANCE,
  unravelIndex,
} from '@/lib/grader/compare';

const t = (shape: number[], data: number[]) => ({ shape, data: Float32Array.from(data) });

describe('unravelIndex', () => {
  it('turns a row-major flat index into a multi-dimensional one', () => {
    expect(unravelIndex(3 * 20 + 17, [5, 20])).toEqual([3, 17]);
    expect(unravelIndex(1 * 12 + 2 * 4 + 3, [2, 3, 4])).toEqual([1, 2, 3]);
    expect(unravelIndex(0, [])).toEqual([]);
  });
});

describe('compareTensors', () => {
  it('accepts values within atol + rtol·|b| and rejects values just outside', () => {
    // bound at b = 2: 1e-5 + 1e-4 * 2 = 2.1e-4
    expect(compareTensors(t([1], [2 + 2.0e-4]), t([1], [2]), FORWARD_TOLERANCE).outcome).toBe('ok');
    const off = compareTensors(t([1], [2 + 3e-4]), t([1], [2]), FORWARD_TOLERANCE);
    expect(off.outcome).toBe('elementwise');
    expect(off.worst?.tolerance).toBeCloseTo(2.1e-4, 9);
  });

  it('reports a shape mismatch with both shapes', () => {
    const c = compareTensors(t([2, 3], [1, 2, 3, 4, 5, 6]), t([3, 2], [1, 2, 3, 4, 5, 6]), FORWARD_TOLERANCE);
    expect(c.outcome).toBe('shape');
    expect(c.actualShape).toEqual([2, 3]);
    expect(c.expectedShape).toEqual([3, 2]);
  });

  it('names the first NaN or Infinity with its multi-dimensional index', () => {
    const c = compareTensors(t([2, 2], [0, 1, NaN, -Infinity]), t([2, 2], [0, 1, 2, 3]), FORWARD_TOLERANCE);
    expect(c.outcome).toBe('non-finite');
    expect(c.nonFinite).toEqual({ index: [1, 0], value: 'NaN' });
    const inf = compareTensors(t([2], [0, -Infinity]), t([2], [0, 3]), FORWARD_TOLERANCE);
    expect(inf.nonFinite).toEqual({ index: [1], value: '-Infinity' });
  });

  it('reports the worst element (relative to its tolerance) with expected, actual and index', () => {
    const expected = Array.from({ length: 40 }, (_, k) => k / 10);
    const actual = [...expected];
    actual[2 * 8 + 5] += 0.5; // [2, 5]
    actual[1 * 8 + 1] += 0.01; // smaller error elsewhere
    const c = compareTensors(t([5, 8], actual), t([5, 8], expected), FORWARD_TOLERANCE);
    expect(c.outcome).toBe('elementwise');
    expect(c.worst?.index).toEqual([2, 5]);
    expect(c.worst?.expected).toBeCloseTo(2.1, 6);
    expect(c.worst?.actual).toBeCloseTo(2.6, 6);
  });

  it('fails all-zero gradients for a block whose true gradient is small but above atol', () => {
    const H = 50;
    // Forget-gate block holds 1e-4-sized gradients (5× atol); the learner returns zeros there.
    const expected = Array.from({ length: 4 * H }, (_, k) => (k >= H && k < 2 * H ? 1e-4 * (k % 2 ? 1 : -1) : 0.5));
    const actual = expected.map((v, k) => (k >= H && k < 2 * H ? 0 : v));
    const c = compareTensors(t([4 * H], actual), t([4 * H], expected), GRADIENT_TOLERANCE, 'lstm');
    expect(c.outcome).toBe('elementwise');
    expect(c.gateBlock).toBe('f');
    expect(c.relativeErrorNorm).toBe(1); // the whole block is missing
  });

  it('fails on the norm when every element is inside its elementwise bound but the whole tensor is off', () => {
    const n = 10_000;
    const expected = new Array(n).fill(1);
    const actual = expected.map((v) => v + 1.05e-4); // elementwise bound 1e-5 + 1e-4 = 1.1e-4
    const c = compareTensors(t([n], actual), t([n], expected), FORWARD_TOLERANCE);
    // architecture.md's bound: ‖err‖ = 1.05e-2 ≤ 1e-3·‖want‖ + atol·√n = 0.1 + 1e-3
    expect(c.outcome).toBe('ok');
    const tighter = compareTensors(t([n], actual), t([n], expected), { ...FORWARD_TOLERANCE, normRtol: 1e-5 });
    expect(tighter.outcome).toBe('norm');
    expect(tighter.relativeErrorNorm).toBeCloseTo(1.05e-4, 6);
  });

  it('names the LSTM gate block (i, f, g, o along the last axis 4H) that carries the error', () => {
    const H = 3;
    const rows = 2;
    const expected = Array.from({ length: rows * 4 * H }, (_, k) => Math.sin(k));
    const actual = [...expected];
    actual[1 * 4 * H + 1 * H + 2] += 0.3; // row 1, forget block, unit 2
    const c = compareTensors(t([rows, 4 * H], actual), t([rows, 4 * H], expected), GRADIENT_TOLERANCE, 'lstm');
    expect(c.outcome).toBe('elementwise');
    expect(c.gateBlock).toBe('f');
    expect(c.worst?.index).toEqual([1, 5]);
  });

  it('names the GRU gate block (z, r, h along 3H)', () => {
    const H = 2;
    const expected = Array.from({ length: 3 * H }, (_, k) => k + 1);
    const actual = [...expected];
    actual[2 * H] += 1; // candidate block
    const c = compareTensors(t([3 * H], actual), t([3 * H], expected), GRADIENT_TOLERANCE, 'gru');
    expect(c.gateBlock).toBe('h');
  });

  it('passes identical tensors and gives no gate block', () => {
    const c = compareTensors(t([2, 4], [1, 2, 3, 4, 5, 6, 7, 8]), t([2, 4], [1, 2, 3, 4, 5, 6, 7, 8]), FORWARD_TOLERANCE, 'lstm');
    expect(c.outcome).toBe('ok');
    expect(c.gateBlock).toBeNull();
    expect(c.relativeErrorNorm).toBe(0);
  });
});

describe('compareLogScale', () => {
  it('compares magnitudes across orders of magnitude in decades', () => {
    const expected = t([4], [1, 1e-3, 1e-8, 1e-15]);
    expect(compareLogScale(t([4], [1.05, 1.1e-3, 0.95e-8, 1.08e-15]), expected, LOG_SCALE_TOLERANCE).outcome).toBe('ok');
    const off = compareLogScale(t([4], [1, 1e-3, 1e-7, 1e-15]), expected, LOG_SCALE_TOLERANCE);
    expect(off.outcome).toBe('elementwise');
    expect(off.worst?.index).toEqual([2]);
    expect(off.worst?.tolerance).toBe(0.05);
  });

  it('rejects a sign flip however close the magnitude', () => {
    expect(compareLogScale(t([1], [-2]), t([1], [2]), LOG_SCALE_TOLERANCE).outcome).toBe('elementwise');
  });
});
