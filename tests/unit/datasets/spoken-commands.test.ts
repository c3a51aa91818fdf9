// The spoken-command clips of exercise 15: pinned values, the reference spectrogram's definition, and commands whose reverse has the same frames.
import { describe, expect, it } from 'vitest';
import {
  averageSpectrum,
  averageSpectrumBaselineAccuracy,
  CLIP_SAMPLES,
  clipAt,
  clipSplits,
  COMMAND_CLASS_COUNT,
  FRAME_LENGTH,
  frameCount,
  hannWindow,
  HOP,
  LOG_FLOOR,
  logSpectrogram,
  spokenCommandClips,
  type ClipSet,
} from '@/lib/datasets/spoken-commands';

/** The mean average spectrum of the clips of `label`. */
function meanAverageSpectrum(set: ClipSet, label: number): Float64Array {
  const sum = new Float64Array(FRAME_LENGTH / 2 + 1);
  let count = 0;
  for (let i = 0; i < set.count; i++) {
    if (set.labels[i] !== label) continue;
    averageSpectrum(clipAt(set, i)).forEach((v, k) => (sum[k] += v));
    count++;
  }
  return sum.map((v) => v / count);
}

describe('spokenCommandClips', () => {
  it('pins the labels and the first samples of seed 3', () => {
    const set = spokenCommandClips(3, 3);
    expect(Array.from(set.labels)).toEqual([4, 5, 3]);
    expect(Array.from(clipAt(set, 0).subarray(0, 2))).toEqual([Math.fround(-0.09132955968379974), Math.fround(-0.0039543514139950275)]);
  });

  it('has [count, 2048] samples, labels 0 … 5, and repeats per seed', () => {
    const set = spokenCommandClips(4, 60);
    expect(set.samples.length).toBe(60 * CLIP_SAMPLES);
    expect(Math.min(...set.labels)).toBe(0);
    expect(Math.max(...set.labels)).toBe(COMMAND_CLASS_COUNT - 1);
    expect(spokenCommandClips(4, 60)).toEqual(set);
    expect(spokenCommandClips(5, 60).samples).not.toEqual(set.samples);
  });
});

describe('logSpectrogram', () => {
  it('uses the periodic Hann window and ⌊(N − L)/hop⌋ + 1 frames', () => {
    const w = hannWindow(8);
    expect(Array.from(w, (v) => Number(v.toFixed(12)))).toEqual([0, 0.146446609407, 0.5, 0.853553390593, 1, 0.853553390593, 0.5, 0.146446609407]);
    expect(frameCount(CLIP_SAMPLES, FRAME_LENGTH, HOP)).toBe(31);
    expect(frameCount(300, 32, 20)).toBe(14);
  });

  it('puts a cosine at bin k0 into bin k0, with the Hann window’s power there', () => {
    const L = 32;
    const k0 = 5;
    const signal = Float64Array.from({ length: L }, (_, n) => Math.cos((2 * Math.PI * k0 * n) / L));
    const spectrum = logSpectrogram(signal, L, L);
    expect(spectrum.length).toBe(L / 2 + 1);
    // X[k0] = Σ w[n]·cos²(…)·… = L/4 for the periodic Hann window; the neighbours get L/8.
    expect(spectrum[k0]).toBeCloseTo(Math.log((L / 4) ** 2 + LOG_FLOOR), 10);
    expect(spectrum[k0 + 1]).toBeCloseTo(Math.log((L / 8) ** 2 + LOG_FLOOR), 10);
    expect(spectrum[k0 + 3]).toBeCloseTo(Math.log(LOG_FLOOR), 4);
  });
});

describe('commands played backwards', () => {
  it('have an average spectrum far closer to their twin’s than to another pair’s', () => {
    const set = spokenCommandClips(11, 600);
    const means = Array.from({ length: COMMAND_CLASS_COUNT }, (_, label) => meanAverageSpectrum(set, label));
    const gap = (a: number, b: number) => Math.max(...means[a].map((v, k) => Math.abs(v - means[b][k])));
    for (let pair = 0; pair < COMMAND_CLASS_COUNT / 2; pair++) {
      const other = 2 * ((pair + 1) % (COMMAND_CLASS_COUNT / 2));
      expect(gap(2 * pair, 2 * pair + 1)).toBeLessThan(gap(2 * pair, other) / 3);
    }
  });

  it('cap an order-blind classifier of the average spectrum near one half', () => {
    const splits = clipSplits(1, { train: 300, visible: 0, hidden: 200 });
    const accuracy = averageSpectrumBaselineAccuracy(splits.train, splits.hidden);
    expect(accuracy).toBeGreaterThan(0.35); // it finds the pair …
    expect(accuracy).toBeLessThan(0.62); // … but not the direction
  });
});
