// Tiny greyscale videos of a shape moving or a bar turning, whose classes come in time-reversed pairs: the data of exercise 16.
import { createRng, type Rng } from '@/lib/lstm/random';
import { orderBlindAccuracy } from './order-blind';

/** Every video is VIDEO_FRAMES frames of VIDEO_SIZE × VIDEO_SIZE pixels, grey levels 0 … 255. */
export const VIDEO_FRAMES = 8;
export const VIDEO_SIZE = 12;

/**
 * The six actions. Class 2k + 1 is class 2k played backwards (its frames in reverse order), so both
 * members of a pair show exactly the same frames, only in another order.
 */
export const ACTION_CLASSES = ['moves right', 'moves left', 'moves down', 'moves up', 'turns clockwise', 'turns counter-clockwise'] as const;
export const ACTION_CLASS_COUNT = ACTION_CLASSES.length;

/** How the videos are drawn. */
export interface MovingShapeOptions {
  /** Speed of a moving shape, pixels per frame, drawn per video in [minSpeed, maxSpeed). */
  minSpeed: number;
  maxSpeed: number;
  /** Turn of the bar per frame, radians, drawn per video in [minTurn, maxTurn). */
  minTurn: number;
  maxTurn: number;
  /** Standard deviation of the Gaussian pixel noise (on the 0 … 1 scale, before clipping). */
  noiseStd: number;
}

export const MOVING_SHAPE_DEFAULTS: MovingShapeOptions = { minSpeed: 0.6, maxSpeed: 1.2, minTurn: Math.PI / 12, maxTurn: Math.PI / 7, noiseStd: 0.2 };

/** A set of videos, row-major: pixel (i, t, r, c) is pixels[((i · FRAMES + t) · SIZE + r) · SIZE + c]. */
export interface VideoSet {
  count: number;
  /** [count, VIDEO_FRAMES, VIDEO_SIZE, VIDEO_SIZE] grey levels 0 … 255 (integers). */
  pixels: Uint8Array;
  /** [count] class indices into ACTION_CLASSES. */
  labels: Int32Array;
}

const FRAME_PIXELS = VIDEO_SIZE * VIDEO_SIZE;
const VIDEO_PIXELS = VIDEO_FRAMES * FRAME_PIXELS;

/** The 3 × 3 sprites a moving shape is drawn with: a filled square, a ring, a plus. */
const SPRITES: readonly (readonly number[])[] = [
  [1, 1, 1, 1, 1, 1, 1, 1, 1],
  [1, 1, 1, 1, 0, 1, 1, 1, 1],
  [0, 1, 0, 1, 1, 1, 0, 1, 0],
];

/** Adds `ink` at (row, col) of frame t when the pixel is inside the image. */
function plot(video: Float64Array, t: number, row: number, col: number, ink: number): void {
  const [r, c] = [Math.round(row), Math.round(col)];
  if (r >= 0 && r < VIDEO_SIZE && c >= 0 && c < VIDEO_SIZE) video[t * FRAME_PIXELS + r * VIDEO_SIZE + c] = ink;
}

/** A sprite sliding right (axis 0) or down (axis 1) across the frames, starting where its path stays inside. */
function drawSlide(axis: number, rng: Rng, options: MovingShapeOptions, ink: number, video: Float64Array): void {
  const sprite = SPRITES[rng.integer(0, SPRITES.length)];
  const speed = rng.uniform(options.minSpeed, options.maxSpeed);
  const travel = speed * (VIDEO_FRAMES - 1);
  const start = rng.uniform(0, VIDEO_SIZE - 3 - travel);
  const across = rng.integer(0, VIDEO_SIZE - 2);
  for (let t = 0; t < VIDEO_FRAMES; t++) {
    const along = start + speed * t;
    for (let k = 0; k < 9; k++) {
      if (!sprite[k]) continue;
      const [dr, dc] = [Math.floor(k / 3), k % 3];
      if (axis === 0) plot(video, t, across + dr, along + dc, ink);
      else plot(video, t, along + dr, across + dc, ink);
    }
  }
}

/** A bar of 7 pixels turning clockwise (on screen, rows growing downwards) about a point near the centre. */
function drawTurn(rng: Rng, options: MovingShapeOptions, ink: number, video: Float64Array): void {
  const turn = rng.uniform(options.minTurn, options.maxTurn);
  const start = rng.uniform(0, Math.PI);
  const [centreRow, centreCol] = [rng.uniform(4.5, 6.5), rng.uniform(4.5, 6.5)];
  for (let t = 0; t < VIDEO_FRAMES; t++) {
    const angle = start + turn * t;
    for (let s = -3; s <= 3; s += 0.5) plot(video, t, centreRow + s * Math.sin(angle), centreCol + s * Math.cos(angle), ink);
  }
}

/** Reverses the order of the frames in place. */
function reverseFrames(video: Float64Array): void {
  for (let t = 0; t < VIDEO_FRAMES / 2; t++) {
    const a = video.slice(t * FRAME_PIXELS, (t + 1) * FRAME_PIXELS);
    video.copyWithin(t * FRAME_PIXELS, (VIDEO_FRAMES - 1 - t) * FRAME_PIXELS, (VIDEO_FRAMES - t) * FRAME_PIXELS);
    video.set(a, (VIDEO_FRAMES - 1 - t) * FRAME_PIXELS);
  }
}

/** One video of class `label` into `video` (values in 0 … 1, noise added). Odd classes are their even twin played backwards. */
function drawAction(label: number, rng: Rng, options: MovingShapeOptions, video: Float64Array): void {
  video.fill(0);
  const ink = rng.uniform(0.6, 1);
  const pair = label >> 1;
  if (pair < 2) drawSlide(pair, rng, options, ink, video);
  else drawTurn(rng, options, ink, video);
  if (label % 2 === 1) reverseFrames(video);
  for (let p = 0; p < VIDEO_PIXELS; p++) video[p] += rng.normal(0, options.noiseStd);
}

/**
 * `count` videos with labels drawn uniformly from the six actions. A backwards class is drawn as its
 * forward twin with the frames reversed, and the start position (or angle) is uniform, so the frames of
 * class 2k and 2k + 1 follow the same distribution as a set: only their order tells them apart.
 */
export function movingShapeVideos(seed: number, count: number, options: MovingShapeOptions = MOVING_SHAPE_DEFAULTS): VideoSet {
  const rng = createRng(seed);
  const pixels = new Uint8Array(count * VIDEO_PIXELS);
  const labels = new Int32Array(count);
  const video = new Float64Array(VIDEO_PIXELS);
  for (let i = 0; i < count; i++) {
    labels[i] = rng.integer(0, ACTION_CLASS_COUNT);
    drawAction(labels[i], rng, options, video);
    for (let p = 0; p < VIDEO_PIXELS; p++) pixels[i * VIDEO_PIXELS + p] = Math.round(255 * Math.min(1, Math.max(0, video[p])));
  }
  return { count, pixels, labels };
}

export interface VideoSplitSizes {
  train: number;
  visible: number;
  hidden: number;
}

export interface VideoSplits {
  train: VideoSet;
  visible: VideoSet;
  hidden: VideoSet;
}

/** Train / visible / hidden videos of `seed`, each split from its own derived seed. */
export function videoSplits(seed: number, sizes: VideoSplitSizes, options: MovingShapeOptions = MOVING_SHAPE_DEFAULTS): VideoSplits {
  const derived = (salt: number) => seed * 7919 + salt * 1_000_003;
  return {
    train: movingShapeVideos(derived(1), sizes.train, options),
    visible: movingShapeVideos(derived(2), sizes.visible, options),
    hidden: movingShapeVideos(derived(3), sizes.hidden, options),
  };
}

/** Video i's pixels, [VIDEO_FRAMES · VIDEO_SIZE · VIDEO_SIZE] grey levels, frame after frame. */
export function videoAt(set: VideoSet, i: number): Uint8Array {
  return set.pixels.subarray(i * VIDEO_PIXELS, (i + 1) * VIDEO_PIXELS);
}

// ---------------------------------------------------------------- the order-blind baseline

/** The frames' average, [VIDEO_SIZE · VIDEO_SIZE] on the 0 … 1 scale: a long-exposure photo of the video. */
export function frameAverage(video: ArrayLike<number>): Float64Array {
  const average = new Float64Array(FRAME_PIXELS);
  for (let t = 0; t < VIDEO_FRAMES; t++) for (let p = 0; p < FRAME_PIXELS; p++) average[p] += video[t * FRAME_PIXELS + p] / (255 * VIDEO_FRAMES);
  return average;
}

/** Accuracy on `test` of a softmax regression on the frame averages fitted on `train`: the order-blind baseline of exercise 16. */
export function frameAverageBaselineAccuracy(train: VideoSet, test: VideoSet): number {
  const features = (set: VideoSet) => Array.from({ length: set.count }, (_, i) => frameAverage(videoAt(set, i)));
  return orderBlindAccuracy(features(train), train.labels, features(test), test.labels, ACTION_CLASS_COUNT);
}
