// Deliberately wrong (content:check): the sum of squares is used as the norm (the square root is missing).
import * as tf from '@tensorflow/tfjs';
import type { ClipByGlobalNormResult } from '../types';

export function clipByGlobalNorm(grads: tf.Tensor[], clipNorm: number): ClipByGlobalNormResult {
  let total = 0;
  for (const g of grads) total += tf.sum(tf.square(g)).dataSync()[0];
  const clipped = total > clipNorm ? grads.map((g) => tf.mul(g, clipNorm / total)) : grads.map((g) => g.clone());
  return { clipped, globalNorm: total };
}

export function clipByValue(grads: tf.Tensor[], min: number, max: number): tf.Tensor[] {
  return grads.map((g) => tf.clipByValue(g, min, max));
}
