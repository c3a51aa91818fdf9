// Small noisy glyph images whose classes come in upside-down pairs: the data of exercise 14 (rows read as time steps).
import { createRng, type Rng } from '@/lib/lstm/random';
import { orderBlindAccuracy } from './order-blind';

/** Images are GLYPH_SIZE × GLYPH_SIZE greyscale pixels, 0 (background) … 255 (ink). */
export const GLYPH_SIZE = 12;

/**
 * The eight classes. Class 2k + 1 is class 2k turned upside down (its rows in reverse order), so both
 * members of a pair have exactly the same rows, only stacked in another order.
 */
export const GLYPH_CLASSES = ['T', '⊥', 'Γ', 'L', 'Π', 'U', 'Λ', 'V'] as const;
export const GLYPH_CLASS_COUNT = GLYPH_CLASSES.length;

/** How a glyph is drawn: box size, stroke, ink and noise ranges. */
export interface GlyphOptions {
  /** The glyph's bounding box is minBox … GLYPH_SIZE − 2 pixels high and wide (drawn independently). */
  minBox: number;
  /** Ink of a stroke pixel, drawn per image in [minInk, 1). */
  minInk: number;
  /** Standard deviation of the Gaussian pixel noise (on the 0 … 1 scale, before clipping). */
  noiseStd: number;
}

export const GLYPH_DEFAULTS: GlyphOptions = { minBox: 7, minInk: 0.6, noiseStd: 0.25 };

/** A set of images, row-major: pixel (i, r, c) is pixels[(i · GLYPH_SIZE + r) · GLYPH_SIZE + c]. */
export interface GlyphSet {
  count: number;
  /** [count, GLYPH_SIZE, GLYPH_SIZE] grey levels 0 … 255 (integers). */
  pixels: Uint8Array;
  /** [count] class indices into GLYPH_CLASSES. */
  labels: Int32Array;
}

/** Is pixel (r, c) of an h × w box (thickness t) on the upright glyph of pair `pair` (0: T, 1: Γ, 2: Π, 3: Λ)? */
function onStroke(pair: number, r: number, c: number, h: number, w: number, t: number): boolean {
  const topBar = r < t;
  const leftBar = c < t;
  const rightBar = c >= w - t;
  const middle = Math.floor((w - t) / 2);
  const stem = c >= middle && c < middle + t;
  if (pair === 0) return topBar || stem;
  if (pair === 1) return topBar || leftBar;
  if (pair === 2) return topBar || leftBar || rightBar;
  // Λ: two diagonals from the top middle down to the bottom corners.
  const spread = ((w - t) / 2) * (r / (h - 1));
  const left = (w - t) / 2 - spread;
  const right = (w - t) / 2 + spread;
  return Math.abs(c - left) < t / 2 + 0.5 || Math.abs(c - right) < t / 2 + 0.5;
}

/** One image of class `label` into `out` (GLYPH_SIZE² values in 0 … 1): box size, position, stroke and ink vary. */
function drawGlyph(label: number, rng: Rng, options: GlyphOptions, out: Float64Array): void {
  const S = GLYPH_SIZE;
  const h = rng.integer(options.minBox, S - 1);
  const w = rng.integer(options.minBox, S - 1);
  const top = rng.integer(0, S - h + 1);
  const left = rng.integer(0, S - w + 1);
  const thickness = rng.integer(1, 3);
  const ink = rng.uniform(options.minInk, 1);
  const upsideDown = label % 2 === 1;
  out.fill(0);
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      if (!onStroke(label >> 1, r, c, h, w, thickness)) continue;
      const row = upsideDown ? S - 1 - (top + r) : top + r;
      out[row * S + left + c] = ink;
    }
  }
  for (let p = 0; p < S * S; p++) out[p] += rng.normal(0, options.noiseStd);
}

/**
 * `count` images with labels drawn uniformly from the eight classes. Upside-down classes are drawn as
 * their upright twin with the rows reversed; the box position is uniform, so its flip is too: the rows
 * of class 2k and 2k + 1 follow the same distribution as a set, and only their order tells them apart.
 */
export function glyphImages(seed: number, count: number, options: GlyphOptions = GLYPH_DEFAULTS): GlyphSet {
  const rng = createRng(seed);
  const S2 = GLYPH_SIZE * GLYPH_SIZE;
  const pixels = new Uint8Array(count * S2);
  const labels = new Int32Array(count);
  const image = new Float64Array(S2);
  for (let i = 0; i < count; i++) {
    labels[i] = rng.integer(0, GLYPH_CLASS_COUNT);
    drawGlyph(labels[i], rng, options, image);
    for (let p = 0; p < S2; p++) pixels[i * S2 + p] = Math.round(255 * Math.min(1, Math.max(0, image[p])));
  }
  return { count, pixels, labels };
}

export interface GlyphSplitSizes {
  train: number;
  visible: number;
  hidden: number;
}

export interface GlyphSplits {
  train: GlyphSet;
  visible: GlyphSet;
  hidden: GlyphSet;
}

/** Train / visible / hidden images of `seed`, each split from its own derived seed. */
export function glyphSplits(seed: number, sizes: GlyphSplitSizes, options: GlyphOptions = GLYPH_DEFAULTS): GlyphSplits {
  const derived = (salt: number) => seed * 7919 + salt * 1_000_003;
  return {
    train: glyphImages(derived(1), sizes.train, options),
    visible: glyphImages(derived(2), sizes.visible, options),
    hidden: glyphImages(derived(3), sizes.hidden, options),
  };
}

/** Image i's pixels, [GLYPH_SIZE · GLYPH_SIZE] row-major grey levels. */
export function glyphAt(set: GlyphSet, i: number): Uint8Array {
  const S2 = GLYPH_SIZE * GLYPH_SIZE;
  return set.pixels.subarray(i * S2, (i + 1) * S2);
}

// ---------------------------------------------------------------- the order-blind baseline

/** The rows' average, [GLYPH_SIZE] on the 0 … 1 scale: what any method that ignores the order of the rows can see at most (as a summary). */
export function rowAverage(image: ArrayLike<number>): Float64Array {
  const S = GLYPH_SIZE;
  const profile = new Float64Array(S);
  for (let r = 0; r < S; r++) for (let c = 0; c < S; c++) profile[c] += image[r * S + c] / (255 * S);
  return profile;
}

/** Accuracy on `test` of a softmax regression on the row averages fitted on `train`: the order-blind baseline of exercise 14. */
export function rowAverageBaselineAccuracy(train: GlyphSet, test: GlyphSet): number {
  const features = (set: GlyphSet) => Array.from({ length: set.count }, (_, i) => rowAverage(glyphAt(set, i)));
  return orderBlindAccuracy(features(train), train.labels, features(test), test.labels, GLYPH_CLASS_COUNT);
}
