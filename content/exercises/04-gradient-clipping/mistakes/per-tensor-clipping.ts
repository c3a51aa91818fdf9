// Deliberately wrong (content:check): each gradient is clipped by its own norm instead of the global norm.
import * as tf from '@tensorflow/tfjs';
import type { ClipByGlobalNormResult } from '../types';

export function clipByGlobalNorm(grads: tf.Tensor[], clipNorm: number): ClipByGlobalNormResult {
  let sumOfSquares = 0;
  const clipped = grads.map((g) => {
    const norm = tf.norm(g).dataSync()[0]; // this tensor's own norm
    sumOfSquares += norm * norm;
    return norm > clipNorm ? tf.mul(g, clipNorm / norm) : g.clone();
  });
  return { clipped, globalNorm: Math.sqrt(sumOfSquares) };
}

export function clipByValue(grads: tf.Tensor[], min: number, max: number): tf.Tensor[] {
  return grads.map((g) => tf.clipByValue(g, min, max));
}
