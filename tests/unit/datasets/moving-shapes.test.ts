// The tiny videos of exercise 16: pinned values, the promised shapes, and actions whose reverse has the same frames.
import { describe, expect, it } from 'vitest';
import {
  ACTION_CLASS_COUNT,
  frameAverage,
  frameAverageBaselineAccuracy,
  MOVING_SHAPE_DEFAULTS,
  movingShapeVideos,
  VIDEO_FRAMES as T,
  VIDEO_SIZE as S,
  videoAt,
  videoSplits,
  type VideoSet,
} from '@/lib/datasets/moving-shapes';

/** The ink centre (row, column) of frame t of a noise-free video. */
function inkCentre(video: Uint8Array, t: number): [number, number] {
  let [total, row, col] = [0, 0, 0];
  for (let p = 0; p < S * S; p++) {
    const v = video[t * S * S + p];
    [total, row, col] = [total + v, row + v * Math.floor(p / S), col + v * (p % S)];
  }
  return [row / total, col / total];
}

/** The mean frame average of the videos of `label`. */
function meanFrameAverage(set: VideoSet, label: number): Float64Array {
  const sum = new Float64Array(S * S);
  let count = 0;
  for (let i = 0; i < set.count; i++) {
    if (set.labels[i] !== label) continue;
    frameAverage(videoAt(set, i)).forEach((v, p) => (sum[p] += v));
    count++;
  }
  return sum.map((v) => v / count);
}

describe('movingShapeVideos', () => {
  it('pins the labels and the first pixels of seed 7', () => {
    const set = movingShapeVideos(7, 3);
    expect(Array.from(set.labels)).toEqual([0, 3, 2]);
    expect(Array.from(videoAt(set, 0).subarray(0, 12))).toEqual([4, 0, 22, 0, 0, 0, 42, 28, 21, 0, 5, 17]);
  });

  it('has [count, 8, 12, 12] integer grey levels, labels 0 … 5, and repeats per seed', () => {
    const set = movingShapeVideos(3, 120);
    expect(set.pixels.length).toBe(120 * T * S * S);
    expect(Math.min(...set.labels)).toBe(0);
    expect(Math.max(...set.labels)).toBe(ACTION_CLASS_COUNT - 1);
    expect(movingShapeVideos(3, 120)).toEqual(set);
    expect(movingShapeVideos(4, 120).pixels).not.toEqual(set.pixels);
  });

  it('moves the shape the way its label says, frame after frame', () => {
    const set = movingShapeVideos(5, 200, { ...MOVING_SHAPE_DEFAULTS, noiseStd: 0 });
    const steps: Record<number, [number, number]> = { 0: [0, 1], 1: [0, -1], 2: [1, 0], 3: [-1, 0] };
    for (let i = 0; i < set.count; i++) {
      const direction = steps[set.labels[i]];
      if (!direction) continue;
      const [first, last] = [inkCentre(videoAt(set, i), 0), inkCentre(videoAt(set, i), T - 1)];
      const moved = [last[0] - first[0], last[1] - first[1]];
      expect(moved[0] * direction[0] + moved[1] * direction[1]).toBeGreaterThan(3); // 0.6–1.2 px per frame over 7 frames
    }
  });
});

describe('time-reversed twins', () => {
  it('have the same frame average', () => {
    const set = movingShapeVideos(11, 6000);
    for (let pair = 0; pair < ACTION_CLASS_COUNT / 2; pair++) {
      const forward = meanFrameAverage(set, 2 * pair);
      const backward = meanFrameAverage(set, 2 * pair + 1);
      expect(Math.max(...forward.map((v, p) => Math.abs(v - backward[p])))).toBeLessThan(0.03);
    }
  });

  it('cap an order-blind classifier of the frame averages below one half', () => {
    const splits = videoSplits(1, { train: 500, visible: 0, hidden: 300 });
    const accuracy = frameAverageBaselineAccuracy(splits.train, splits.hidden);
    expect(accuracy).toBeGreaterThan(1.5 / ACTION_CLASS_COUNT); // it does find the kind of motion …
    expect(accuracy).toBeLessThan(0.45); // … but not its direction
  });
});

describe('videoSplits', () => {
  it('draws train, visible and hidden from different seeds', () => {
    const splits = videoSplits(2, { train: 20, visible: 20, hidden: 20 });
    expect(splits.train.pixels).not.toEqual(splits.hidden.pixels);
    expect(splits.visible.pixels).not.toEqual(splits.hidden.pixels);
    expect(videoSplits(3, { train: 20, visible: 20, hidden: 20 }).hidden.pixels).not.toEqual(splits.hidden.pixels);
  });
});
