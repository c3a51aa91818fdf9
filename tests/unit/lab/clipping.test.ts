// The cliff surface's gradient against finite differences, and the demo's point: the cliff throws plain GD, not clipped GD.
import { describe, expect, it } from 'vitest';
import { CLIFF_AT, cliffGradient, cliffLoss, DEFAULT_CLIP_NORM, DEFAULT_DESCENT, descend, longestStep, lossGrid } from '@/lib/lab/clipping';

describe('the cliff surface', () => {
  it('has the gradient of its loss (central differences)', () => {
    for (const at of [{ w: 4, b: 1 }, { w: CLIFF_AT + 0.1, b: -0.5 }, { w: -3, b: 2 }]) {
      const h = 1e-5;
      const dw = (cliffLoss({ w: at.w + h, b: at.b }) - cliffLoss({ w: at.w - h, b: at.b })) / (2 * h);
      const db = (cliffLoss({ w: at.w, b: at.b + h }) - cliffLoss({ w: at.w, b: at.b - h })) / (2 * h);
      const g = cliffGradient(at);
      expect(g.w).toBeCloseTo(dw, 5);
      expect(g.b).toBeCloseTo(db, 5);
    }
  });

  it('is a plateau above the wall and a bowl below it', () => {
    expect(cliffLoss({ w: 4, b: 0 })).toBeGreaterThan(35);
    expect(cliffLoss({ w: 0, b: 0 })).toBeLessThan(0.2);
    const grid = lossGrid({ wMin: -1, wMax: 1, bMin: -1, bMax: 1 }, 3);
    expect(grid[1][1]).toBeCloseTo(cliffLoss({ w: 0, b: 0 }), 10);
    expect(grid[0][0]).toBeCloseTo(cliffLoss({ w: -1, b: 1 }), 10); // row 0 is the top (b = bMax)
  });
});

describe('gradient descent on the cliff', () => {
  const plain = descend({ ...DEFAULT_DESCENT, clipNorm: null });
  const clipped = descend({ ...DEFAULT_DESCENT, clipNorm: DEFAULT_CLIP_NORM });

  it('without clipping, one step on the face throws the parameters far past the minimum', () => {
    expect(Math.max(...plain.map((s) => s.gradientNorm))).toBeGreaterThan(20);
    expect(longestStep(plain)).toBeGreaterThan(4);
    expect(Math.min(...plain.map((s) => s.at.w))).toBeLessThan(-3);
  });

  it('with clipping, no step is longer than learningRate × clipNorm and it walks down the face', () => {
    expect(longestStep(clipped)).toBeLessThanOrEqual(DEFAULT_DESCENT.learningRate * DEFAULT_CLIP_NORM + 1e-12);
    expect(clipped.some((s) => s.clipped)).toBe(true);
    expect(Math.min(...clipped.map((s) => s.at.w))).toBeGreaterThan(-0.5);
    expect(clipped.at(-1)!.loss).toBeLessThan(0.2);
  });

  it('records steps + 1 points from the start', () => {
    expect(plain).toHaveLength(DEFAULT_DESCENT.steps + 1);
    expect(plain[0].at).toEqual(DEFAULT_DESCENT.start);
  });
});
