// The glyph images of exercise 14: pinned values, the promised shapes, and twins that differ only in the order of their rows.
import { describe, expect, it } from 'vitest';
import {
  GLYPH_CLASS_COUNT,
  GLYPH_DEFAULTS,
  GLYPH_SIZE as S,
  glyphAt,
  glyphImages,
  glyphSplits,
  rowAverage,
  rowAverageBaselineAccuracy,
  type GlyphSet,
} from '@/lib/datasets/glyphs';

/** The mean over the images of `label` of a per-image profile. */
function meanProfile(set: GlyphSet, label: number, profile: (image: Uint8Array) => Float64Array): Float64Array {
  const sum = new Float64Array(S);
  let count = 0;
  for (let i = 0; i < set.count; i++) {
    if (set.labels[i] !== label) continue;
    profile(glyphAt(set, i)).forEach((v, d) => (sum[d] += v));
    count++;
  }
  return sum.map((v) => v / count);
}

/** Ink per row, top to bottom (the profile an order-blind reader cannot see). */
const rowInk = (image: Uint8Array) => Float64Array.from({ length: S }, (_, r) => image.subarray(r * S, (r + 1) * S).reduce((a, b) => a + b, 0) / (255 * S));
const maxGap = (a: Float64Array, b: Float64Array) => Math.max(...a.map((v, d) => Math.abs(v - b[d])));

describe('glyphImages', () => {
  it('pins the labels and the first pixels of seed 7', () => {
    const set = glyphImages(7, 3);
    expect(Array.from(set.labels)).toEqual([0, 1, 5]);
    expect(Array.from(glyphAt(set, 0).subarray(0, 12))).toEqual([0, 0, 3, 25, 0, 0, 3, 48, 20, 0, 96, 0]);
  });

  it('has [count, 12, 12] integer grey levels, labels 0 … 7, and repeats per seed', () => {
    const set = glyphImages(3, 200);
    expect(set.pixels.length).toBe(200 * S * S);
    expect(Math.max(...set.labels)).toBe(GLYPH_CLASS_COUNT - 1);
    expect(Math.min(...set.labels)).toBe(0);
    expect(glyphImages(3, 200)).toEqual(set);
    expect(glyphImages(4, 200).pixels).not.toEqual(set.pixels);
  });

  it('draws noise-free glyphs with ink only inside the image and some ink on every one', () => {
    const set = glyphImages(5, 100, { ...GLYPH_DEFAULTS, noiseStd: 0 });
    for (let i = 0; i < set.count; i++) {
      const ink = glyphAt(set, i).filter((v) => v > 0).length;
      expect(ink).toBeGreaterThan(6);
      expect(ink).toBeLessThan(S * S / 2);
    }
  });
});

describe('upside-down twins', () => {
  const set = glyphImages(11, 8000);

  it('have the same row average (column profile) but mirrored row profiles', () => {
    for (let pair = 0; pair < GLYPH_CLASS_COUNT / 2; pair++) {
      const upright = 2 * pair;
      const flipped = upright + 1;
      expect(maxGap(meanProfile(set, upright, rowAverage), meanProfile(set, flipped, rowAverage))).toBeLessThan(0.02);
      const rowsUp = meanProfile(set, upright, rowInk);
      const rowsFlipped = meanProfile(set, flipped, rowInk);
      expect(maxGap(rowsUp, rowsFlipped.slice().reverse())).toBeLessThan(0.02);
      if (pair < 3) expect(maxGap(rowsUp, rowsFlipped)).toBeGreaterThan(0.05); // a top bar moves to the bottom
    }
  });

  it('cap an order-blind classifier of the row averages below one half', () => {
    const splits = glyphSplits(1, { train: 2000, visible: 0, hidden: 1000 });
    const accuracy = rowAverageBaselineAccuracy(splits.train, splits.hidden);
    expect(accuracy).toBeGreaterThan(1.5 / GLYPH_CLASS_COUNT); // it does find the pair …
    expect(accuracy).toBeLessThan(0.45); // … but not which way up
  });
});

describe('glyphSplits', () => {
  it('draws train, visible and hidden from different seeds', () => {
    const splits = glyphSplits(2, { train: 50, visible: 50, hidden: 50 });
    expect(splits.train.pixels).not.toEqual(splits.hidden.pixels);
    expect(splits.visible.pixels).not.toEqual(splits.hidden.pixels);
    expect(glyphSplits(3, { train: 50, visible: 50, hidden: 50 }).hidden.pixels).not.toEqual(splits.hidden.pixels);
  });
});
