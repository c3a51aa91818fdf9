// Model answer of exercise 04-gradient-clipping: one global norm, one scale for every gradient; elementwise clipping.
import * as tf from '@tensorflow/tfjs';
import type { ClipByGlobalNormResult } from './types';

/** Scales every gradient by clipNorm / max(globalNorm, clipNorm); returns the clipped list and the global norm. */
export function clipByGlobalNorm(grads: tf.Tensor[], clipNorm: number): ClipByGlobalNormResult {
  // One norm over all gradients together, as if they were one long vector.
  const globalNormTensor = tf.tidy(() => tf.sqrt(tf.addN(grads.map((g) => tf.sum(tf.square(g)))))); // []
  const globalNorm = globalNormTensor.dataSync()[0];
  globalNormTensor.dispose();
  // ≤ 1, and exactly 1 at or below the threshold; no division by zero when every gradient is 0.
  const scale = clipNorm / Math.max(globalNorm, clipNorm);
  const clipped = grads.map((g) => tf.mul(g, scale)); // same shape as each g
  return { clipped, globalNorm };
}

/** Limits every element of every gradient to [min, max]. */
export function clipByValue(grads: tf.Tensor[], min: number, max: number): tf.Tensor[] {
  return grads.map((g) => tf.minimum(tf.maximum(g, min), max)); // same shape as each g
}
