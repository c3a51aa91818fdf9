// A univariate series with trend, two seasonal components and AR(1) noise: the data of exercise 08.
import { createRng } from '@/lib/lstm/random';

/** The process behind the series (defaults: hourly data with a daily cycle). */
export interface SeasonalSeriesOptions {
  /** Centre of the level; each series draws its own level within ±5 of it (°C-like values). */
  baseLevel: number;
  /** Steps per season (24: hourly data, daily cycle). */
  period: number;
  /** Level added per step. */
  trendPerStep: number;
  /** Amplitude of the main seasonal wave; a half-period harmonic has half of it. */
  amplitude: number;
  /** Standard deviation of the noise innovations. */
  noiseStd: number;
  /** AR(1) coefficient of the noise: e_t = φ·e_{t−1} + ε_t. */
  noiseAr: number;
}

export const SEASONAL_SERIES_DEFAULTS: SeasonalSeriesOptions = {
  baseLevel: 20,
  period: 24,
  trendPerStep: 0.0004,
  amplitude: 4,
  noiseStd: 0.6,
  noiseAr: 0.5,
};

/**
 * The deterministic part at step t: level + trend·t + A·sin(2πt/P + φ₁) + (A/2)·sin(4πt/P + φ₂), with
 * the level and both phases drawn from `shapeSeed`.
 */
export function seasonalSignal(shapeSeed: number, length: number, options: SeasonalSeriesOptions = SEASONAL_SERIES_DEFAULTS): Float64Array {
  const rng = createRng(shapeSeed);
  const level = options.baseLevel + rng.uniform(-5, 5);
  const phase1 = rng.uniform(0, 2 * Math.PI);
  const phase2 = rng.uniform(0, 2 * Math.PI);
  const { period: P, trendPerStep, amplitude: A } = options;
  return Float64Array.from({ length }, (_, t) => level + trendPerStep * t + A * Math.sin((2 * Math.PI * t) / P + phase1) + (A / 2) * Math.sin((4 * Math.PI * t) / P + phase2));
}

/**
 * AR(1) noise with innovations drawn from `noiseSeed`: continuing from `previous` (e₀ = φ·previous + ε₀)
 * when given, else started from the stationary distribution N(0, σ²/(1 − φ²)).
 */
export function ar1Noise(
  noiseSeed: number,
  length: number,
  options: SeasonalSeriesOptions = SEASONAL_SERIES_DEFAULTS,
  previous?: number,
): Float64Array {
  const rng = createRng(noiseSeed);
  const { noiseStd: sigma, noiseAr: phi } = options;
  const out = new Float64Array(length);
  let e = previous === undefined ? rng.normal(0, sigma / Math.sqrt(1 - phi * phi)) : phi * previous + rng.normal(0, sigma);
  for (let t = 0; t < length; t++) {
    out[t] = e;
    e = phi * e + rng.normal(0, sigma);
  }
  return out;
}

/** A series split in time: `train` is what the learner trains on; `future` continues it with other noise. */
export interface SeasonalSplit {
  train: Float32Array;
  future: Float32Array;
}

/**
 * One process, two stretches of time: steps 0…trainLength−1 (noise from `seed`) and the
 * `futureLength` steps after them (noise from `futureSeed`, so the future is hidden from anyone
 * holding the training seed). The trend, level and phases are shared: the future is this series'.
 */
export function seasonalSplit(
  seed: number,
  futureSeed: number,
  trainLength: number,
  futureLength: number,
  options: SeasonalSeriesOptions = SEASONAL_SERIES_DEFAULTS,
): SeasonalSplit {
  const signal = seasonalSignal(seed, trainLength + futureLength, options);
  const trainNoise = ar1Noise(seed + 1, trainLength, options);
  const futureNoise = ar1Noise(futureSeed, futureLength, options, trainNoise[trainLength - 1]);
  const train = Float32Array.from({ length: trainLength }, (_, t) => signal[t] + trainNoise[t]);
  const future = Float32Array.from({ length: futureLength }, (_, k) => signal[trainLength + k] + futureNoise[k]);
  return { train, future };
}

/** One forecasting query: a window of `windowSize` values and the value right after it. */
export interface ForecastWindow {
  window: Float32Array;
  next: number;
}

/**
 * Non-overlapping windows over `series`: window k covers steps k·(W+1) … k·(W+1)+W−1 and its target is
 * step k·(W+1)+W, so no target ever appears inside another window.
 */
export function disjointWindows(series: Float32Array, windowSize: number): ForecastWindow[] {
  const stride = windowSize + 1;
  const out: ForecastWindow[] = [];
  for (let start = 0; start + stride <= series.length; start += stride) {
    out.push({ window: series.slice(start, start + windowSize), next: series[start + windowSize] });
  }
  return out;
}

/** Fisher–Yates with a seeded generator: the order queries are presented in. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const rng = createRng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.integer(0, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
