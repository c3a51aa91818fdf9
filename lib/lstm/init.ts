// Seeded initialisers with Keras' defaults: glorot-uniform kernels, orthogonal recurrent kernels, zero (or forget-1) biases.
import { tf } from '../tfjs';
import type { GruParams, LstmParams, RnnParams } from './params';
import { createRng, type Rng } from './random';

/** Sizes and seed of a fresh parameter set. */
export interface InitOptions {
  inputSize: number;
  hiddenSize: number;
  /** Same seed, same weights, on every backend and platform. */
  seed: number;
}

/** Glorot (Xavier) uniform: U(−l, l) with l = √(6 / (fanIn + fanOut)), fanIn = rows, fanOut = cols, row-major. */
export function glorotUniformValues(rows: number, cols: number, rng: Rng): Float32Array {
  const limit = Math.sqrt(6 / (rows + cols));
  const values = new Float32Array(rows * cols);
  for (let k = 0; k < values.length; k++) values[k] = rng.uniform(-limit, limit);
  return values;
}

/**
 * A random orthogonal matrix [rows, cols], row-major, computed in plain float64 JS: orthonormal
 * rows if rows ≤ cols, else orthonormal columns. Gaussian vectors orthonormalised by modified
 * Gram–Schmidt — the Q of a QR decomposition with a positive R diagonal, as Keras' Orthogonal
 * initializer produces. One MGS pass loses orthogonality only in proportion to the condition
 * number of the Gaussian matrix (small), far below float32 precision. A few hundred ms for
 * [256, 1024], where tfjs' own orthogonal initializer takes seconds to minutes (environment.md).
 */
export function orthogonalValues(rows: number, cols: number, rng: Rng, gain = 1): Float32Array {
  const count = Math.min(rows, cols); // vectors to orthonormalise
  const length = Math.max(rows, cols);
  const vectors: Float64Array[] = [];
  for (let k = 0; k < count; k++) {
    const v = new Float64Array(length);
    for (let j = 0; j < length; j++) v[j] = rng.normal();
    for (const q of vectors) {
      let dot = 0;
      for (let j = 0; j < length; j++) dot += q[j] * v[j];
      for (let j = 0; j < length; j++) v[j] -= dot * q[j];
    }
    let norm = 0;
    for (let j = 0; j < length; j++) norm += v[j] * v[j];
    norm = Math.sqrt(norm);
    for (let j = 0; j < length; j++) v[j] /= norm;
    vectors.push(v);
  }
  const out = new Float32Array(rows * cols);
  for (let k = 0; k < count; k++) {
    for (let j = 0; j < length; j++) {
      // Vectors are rows when rows ≤ cols, columns otherwise.
      const index = rows <= cols ? k * cols + j : j * cols + k;
      out[index] = gain * vectors[k][j];
    }
  }
  return out;
}

function initialWeights(options: InitOptions, gates: number) {
  const { inputSize: I, hiddenSize: H, seed } = options;
  if (!(Number.isInteger(I) && I > 0 && Number.isInteger(H) && H > 0)) {
    throw new Error(`inputSize and hiddenSize must be positive integers, got ${I} and ${H}`);
  }
  const rng = createRng(seed);
  const kernel = tf.tensor2d(glorotUniformValues(I, gates * H, rng), [I, gates * H]); // [I, gH]
  const recurrentKernel = tf.tensor2d(orthogonalValues(H, gates * H, rng), [H, gates * H]); // [H, gH]
  return { kernel, recurrentKernel };
}

/** Fresh LSTM weights; `unitForgetBias` sets the forget-gate block of the bias to 1 (Keras' `unitForgetBias`). */
export function initLstmParams(options: InitOptions & { unitForgetBias?: boolean }): LstmParams {
  const H = options.hiddenSize;
  const { kernel, recurrentKernel } = initialWeights(options, 4);
  const bias = new Float32Array(4 * H);
  if (options.unitForgetBias) bias.fill(1, H, 2 * H);
  return { kernel, recurrentKernel, bias: tf.tensor1d(bias) };
}

/** Fresh GRU weights (reset_after layout), zero biases. */
export function initGruParams(options: InitOptions): GruParams {
  const { kernel, recurrentKernel } = initialWeights(options, 3);
  return { kernel, recurrentKernel, bias: tf.zeros([2, 3 * options.hiddenSize]) };
}

/** Fresh vanilla-RNN weights, zero bias. */
export function initRnnParams(options: InitOptions): RnnParams {
  const { kernel, recurrentKernel } = initialWeights(options, 1);
  return { kernel, recurrentKernel, bias: tf.zeros([options.hiddenSize]) };
}
