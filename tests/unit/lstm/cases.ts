// Random weights, sequences and upstream gradients for the lib/lstm tests, as nested float64 arrays and tensors.
import { tf } from '@/lib/tfjs';
import { createRng, type Rng } from '@/lib/lstm';
import type { Matrix, PlainGruWeights, PlainWeights, Sequence } from './plain-js/types';

export function randomMatrix(rng: Rng, rows: number, cols: number, scale: number): Matrix {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.uniform(-scale, scale)));
}

export function randomSequence(rng: Rng, B: number, T: number, I: number, scale: number): Sequence {
  return Array.from({ length: B }, () => randomMatrix(rng, T, I, scale));
}

/**
 * Values rounded to float32, so the float64 references see exactly the numbers the float32
 * implementation sees and the comparison measures arithmetic differences only.
 */
export function toFloat32<T extends number | number[] | number[][] | number[][][]>(value: T): T {
  if (typeof value === 'number') return Math.fround(value) as T;
  return (value as unknown[]).map((v) => toFloat32(v as number)) as T;
}

/** Random weights for `gates` gate blocks, uniform in ±scale, float32-representable. */
export function randomWeights(rng: Rng, I: number, H: number, gates: number, scale: number): PlainWeights {
  return {
    kernel: toFloat32(randomMatrix(rng, I, gates * H, scale)),
    recurrentKernel: toFloat32(randomMatrix(rng, H, gates * H, scale)),
    bias: toFloat32(randomMatrix(rng, 1, gates * H, scale)[0]),
  };
}

export function randomGruWeights(rng: Rng, I: number, H: number, scale: number): PlainGruWeights {
  return {
    kernel: toFloat32(randomMatrix(rng, I, 3 * H, scale)),
    recurrentKernel: toFloat32(randomMatrix(rng, H, 3 * H, scale)),
    bias: toFloat32(randomMatrix(rng, 2, 3 * H, scale)) as [number[], number[]],
  };
}

/** A test configuration: sizes, value scales, whether there is an initial state. */
export interface RecurrentCase {
  name: string;
  B: number;
  T: number;
  I: number;
  H: number;
  /** uniform range of the weights */
  weightScale: number;
  /** uniform range of the inputs */
  inputScale: number;
  withInitialState: boolean;
  seed: number;
}

/** The shapes every implementation must get right, including the edge cases. */
export const CASES: RecurrentCase[] = [
  { name: 'B3 T5 I4 H6', B: 3, T: 5, I: 4, H: 6, weightScale: 0.5, inputScale: 1, withInitialState: false, seed: 1 },
  { name: 'nonzero initial state', B: 2, T: 4, I: 3, H: 5, weightScale: 0.6, inputScale: 1, withInitialState: true, seed: 2 },
  { name: 'T = 1', B: 2, T: 1, I: 3, H: 4, weightScale: 0.5, inputScale: 1, withInitialState: true, seed: 3 },
  { name: 'B = 1, H = 1', B: 1, T: 6, I: 2, H: 1, weightScale: 0.8, inputScale: 1, withInitialState: true, seed: 4 },
  { name: 'B = 1, T = 1, H = 1', B: 1, T: 1, I: 1, H: 1, weightScale: 0.8, inputScale: 1, withInitialState: false, seed: 5 },
  { name: 'saturated gates (|x| ≈ 20)', B: 2, T: 4, I: 3, H: 4, weightScale: 1, inputScale: 20, withInitialState: true, seed: 6 },
  { name: 'longer sequence T = 24', B: 2, T: 24, I: 5, H: 8, weightScale: 0.4, inputScale: 1, withInitialState: true, seed: 7 },
];

/** Everything a case needs, in float64 arrays (float32-representable) with upstream gradients. */
export function caseData(c: RecurrentCase, gates: number) {
  const rng = createRng(c.seed * 7919 + gates);
  const weights = randomWeights(rng, c.I, c.H, gates, c.weightScale);
  const gruWeights = randomGruWeights(rng, c.I, c.H, c.weightScale);
  const x = toFloat32(randomSequence(rng, c.B, c.T, c.I, c.inputScale));
  const h0 = c.withInitialState ? toFloat32(randomMatrix(rng, c.B, c.H, 0.9)) : undefined;
  const c0 = c.withInitialState ? toFloat32(randomMatrix(rng, c.B, c.H, 1.5)) : undefined;
  const dhSeq = toFloat32(randomSequence(rng, c.B, c.T, c.H, 1));
  const dhT = toFloat32(randomMatrix(rng, c.B, c.H, 1));
  const dcT = toFloat32(randomMatrix(rng, c.B, c.H, 1));
  return { weights, gruWeights, x, h0, c0, dhSeq, dhT, dcT };
}

export const t2 = (m: Matrix) => tf.tensor2d(m);
export const t3 = (s: Sequence) => tf.tensor3d(s);

/** Keras-layout tensors from nested-array weights. */
export function weightTensors(w: PlainWeights) {
  return { kernel: t2(w.kernel), recurrentKernel: t2(w.recurrentKernel), bias: tf.tensor1d(w.bias) };
}

export function gruWeightTensors(w: PlainGruWeights) {
  return { kernel: t2(w.kernel), recurrentKernel: t2(w.recurrentKernel), bias: tf.tensor2d(w.bias) };
}

/** Frees every tensor found in an object or array tree. */
export function disposeAll(...values: unknown[]): void {
  const walk = (v: unknown) => {
    if (v instanceof tf.Tensor) v.dispose();
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  values.forEach(walk);
}
