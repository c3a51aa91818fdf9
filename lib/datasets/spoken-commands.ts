// Synthetic spoken-command clips (voiced vowel-like segments and formant glides) and their log-spectrogram: the data of exercise 15.
import { createRng, type Rng } from '@/lib/lstm/random';
import { orderBlindAccuracy } from './order-blind';

/** Clips are CLIP_SAMPLES samples at SAMPLE_RATE Hz (0.512 s). */
export const SAMPLE_RATE = 4000;
export const CLIP_SAMPLES = 2048;
/** The spectrogram of the exercise: frames of FRAME_LENGTH samples every HOP samples. */
export const FRAME_LENGTH = 128;
export const HOP = 64;
/** Added to the power before the logarithm, so silence stays finite. */
export const LOG_FLOOR = 1e-6;

/**
 * The six commands. Command 2k + 1 is command 2k played backwards (its samples in reverse order), so
 * both have the same spectrogram frames up to their order.
 */
export const COMMAND_CLASSES = ['a-i', 'i-a', 'o-e', 'e-o', 'rise', 'fall'] as const;
export const COMMAND_CLASS_COUNT = COMMAND_CLASSES.length;

/** Vowel-like formant pairs (F1, F2) in Hz, kept below the 2000 Hz Nyquist frequency. */
const VOWELS: Record<'a' | 'i' | 'o' | 'e', [number, number]> = { a: [750, 1250], i: [300, 1800], o: [500, 850], e: [450, 1600] };

/** What varies from clip to clip. */
export interface SpokenCommandOptions {
  /** Voice pitch f0 in Hz, drawn per clip in [minPitch, maxPitch). */
  minPitch: number;
  maxPitch: number;
  /** Length of the spoken part in samples, drawn per clip in [minSpoken, maxSpoken): the speaking rate. */
  minSpoken: number;
  maxSpoken: number;
  /** Standard deviation of the white background noise (the voice peaks near 1). */
  noiseStd: number;
}

export const SPOKEN_COMMAND_DEFAULTS: SpokenCommandOptions = { minPitch: 90, maxPitch: 170, minSpoken: 1200, maxSpoken: 1800, noiseStd: 0.08 };

/** A set of clips: sample (i, s) is samples[i · CLIP_SAMPLES + s]. */
export interface ClipSet {
  count: number;
  samples: Float32Array;
  labels: Int32Array;
}

const GAIN_BLOCK = 16;

/** Gain of a harmonic at `frequency` under two formant resonances (Gaussian bumps 120 Hz wide). */
function formantGain(frequency: number, [f1, f2]: [number, number]): number {
  const bump = (centre: number) => Math.exp(-(((frequency - centre) / 120) ** 2));
  return bump(f1) + 0.7 * bump(f2);
}

/** The formants at position u ∈ [0, 1) of the spoken part of command `pair` (its forward member). */
function formantsAt(pair: number, u: number, jitter: number): [number, number] {
  const lerp = (a: number, b: number, w: number) => a + (b - a) * w;
  if (pair === 2) return [lerp(350, 700, u) * jitter, lerp(900, 1700, u) * jitter]; // a rising glide
  const [from, to] = pair === 0 ? [VOWELS.a, VOWELS.i] : [VOWELS.o, VOWELS.e];
  const w = Math.min(1, Math.max(0, (u - 0.4) / 0.2)); // hold, 20 % transition, hold
  return [lerp(from[0], to[0], w) * jitter, lerp(from[1], to[1], w) * jitter];
}

/** One clip of the forward member of `pair` into `out`: a voiced harmonic sound with moving formants, a smooth envelope. */
function drawCommand(pair: number, rng: Rng, options: SpokenCommandOptions, out: Float64Array): void {
  const pitch = rng.uniform(options.minPitch, options.maxPitch);
  const spoken = Math.floor(rng.uniform(options.minSpoken, options.maxSpoken));
  const start = rng.integer(0, CLIP_SAMPLES - spoken + 1);
  const jitter = rng.uniform(0.92, 1.08);
  const harmonics = Math.floor(1900 / pitch);
  const gains = new Float64Array(harmonics + 1);
  out.fill(0);
  let phase = 0;
  for (let s = 0; s < spoken; s++) {
    const u = s / spoken;
    // The formants move slowly: their gains are refreshed every GAIN_BLOCK samples (4 ms).
    if (s % GAIN_BLOCK === 0) {
      const formants = formantsAt(pair, u, jitter);
      for (let h = 1; h <= harmonics; h++) gains[h] = formantGain(h * pitch, formants);
    }
    const envelope = Math.sin(Math.PI * u) ** 0.5;
    phase += (2 * Math.PI * pitch) / SAMPLE_RATE;
    let value = 0;
    for (let h = 1; h <= harmonics; h++) value += gains[h] * Math.sin(h * phase);
    out[start + s] = 0.5 * envelope * value;
  }
}

/**
 * `count` clips with labels drawn uniformly from the six commands. A backwards command is drawn as its
 * forward twin with the samples reversed (before the noise), and the start of the spoken part is
 * uniform, so twins have the same spectrogram frames in reverse order (up to the window's one-sample
 * asymmetry): only the order tells them apart.
 */
export function spokenCommandClips(seed: number, count: number, options: SpokenCommandOptions = SPOKEN_COMMAND_DEFAULTS): ClipSet {
  const rng = createRng(seed);
  const samples = new Float32Array(count * CLIP_SAMPLES);
  const labels = new Int32Array(count);
  const clip = new Float64Array(CLIP_SAMPLES);
  for (let i = 0; i < count; i++) {
    labels[i] = rng.integer(0, COMMAND_CLASS_COUNT);
    drawCommand(labels[i] >> 1, rng, options, clip);
    if (labels[i] % 2 === 1) clip.reverse();
    for (let s = 0; s < CLIP_SAMPLES; s++) samples[i * CLIP_SAMPLES + s] = clip[s] + rng.normal(0, options.noiseStd);
  }
  return { count, samples, labels };
}

export interface ClipSplitSizes {
  train: number;
  visible: number;
  hidden: number;
}

export interface ClipSplits {
  train: ClipSet;
  visible: ClipSet;
  hidden: ClipSet;
}

/** Train / visible / hidden clips of `seed`, each split from its own derived seed. */
export function clipSplits(seed: number, sizes: ClipSplitSizes, options: SpokenCommandOptions = SPOKEN_COMMAND_DEFAULTS): ClipSplits {
  const derived = (salt: number) => seed * 7919 + salt * 1_000_003;
  return {
    train: spokenCommandClips(derived(1), sizes.train, options),
    visible: spokenCommandClips(derived(2), sizes.visible, options),
    hidden: spokenCommandClips(derived(3), sizes.hidden, options),
  };
}

/** Clip i's samples. */
export function clipAt(set: ClipSet, i: number): Float32Array {
  return set.samples.subarray(i * CLIP_SAMPLES, (i + 1) * CLIP_SAMPLES);
}

// ---------------------------------------------------------------- the reference spectrogram

/** The periodic Hann window of length L: w[n] = 0.5 − 0.5·cos(2πn / L). */
export function hannWindow(length: number): Float64Array {
  return Float64Array.from({ length }, (_, n) => 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / length));
}

/** How many frames a signal of `samples` samples has: ⌊(samples − frameLength) / hop⌋ + 1. */
export function frameCount(samples: number, frameLength: number, hop: number): number {
  return Math.floor((samples - frameLength) / hop) + 1;
}

/**
 * The log power spectrogram, in float64: frame f is samples f·hop … f·hop + L − 1 times the periodic
 * Hann window; bin k = 0 … L/2 is ln(|Σₙ x[f·hop + n]·w[n]·e^{−2πikn/L}|² + LOG_FLOOR).
 * Returns [frames · (L/2 + 1)] values, frame-major. (`'rectangular'` skips the window: what a known mistake computes.)
 */
export function logSpectrogram(signal: ArrayLike<number>, frameLength: number, hop: number, windowKind: 'hann' | 'rectangular' = 'hann'): Float64Array {
  const frames = frameCount(signal.length, frameLength, hop);
  const bins = frameLength / 2 + 1;
  const window = windowKind === 'hann' ? hannWindow(frameLength) : new Float64Array(frameLength).fill(1);
  // cos and sin of 2π·m/L for m = k·n mod L: one table instead of a trigonometric call per term.
  const cos = Float64Array.from({ length: frameLength }, (_, m) => Math.cos((2 * Math.PI * m) / frameLength));
  const sin = Float64Array.from({ length: frameLength }, (_, m) => Math.sin((2 * Math.PI * m) / frameLength));
  const frame = new Float64Array(frameLength);
  const out = new Float64Array(frames * bins);
  for (let f = 0; f < frames; f++) {
    for (let n = 0; n < frameLength; n++) frame[n] = signal[f * hop + n] * window[n];
    for (let k = 0; k < bins; k++) {
      let [re, im] = [0, 0];
      for (let n = 0; n < frameLength; n++) {
        const m = (k * n) % frameLength;
        re += frame[n] * cos[m];
        im -= frame[n] * sin[m];
      }
      out[f * bins + k] = Math.log(re * re + im * im + LOG_FLOOR);
    }
  }
  return out;
}

// ---------------------------------------------------------------- the order-blind baseline

/** The spectrogram's frames averaged over time: the clip's average log spectrum, [L/2 + 1]. */
export function averageSpectrum(signal: ArrayLike<number>): Float64Array {
  const bins = FRAME_LENGTH / 2 + 1;
  const spectrogram = logSpectrogram(signal, FRAME_LENGTH, HOP);
  const frames = spectrogram.length / bins;
  const average = new Float64Array(bins);
  for (let f = 0; f < frames; f++) for (let k = 0; k < bins; k++) average[k] += spectrogram[f * bins + k] / frames;
  return average;
}

/** Accuracy on `test` of a softmax regression on the average log spectrum fitted on `train`: the order-blind baseline of exercise 15. */
export function averageSpectrumBaselineAccuracy(train: ClipSet, test: ClipSet): number {
  const features = (set: ClipSet) => Array.from({ length: set.count }, (_, i) => averageSpectrum(clipAt(set, i)));
  return orderBlindAccuracy(features(train), train.labels, features(test), test.labels, COMMAND_CLASS_COUNT);
}
