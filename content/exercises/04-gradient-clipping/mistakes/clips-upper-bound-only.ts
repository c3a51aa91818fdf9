// Deliberately wrong (content:check): clipByValue limits the largest values but lets large negative ones through.
import * as tf from '@tensorflow/tfjs';
import type { ClipByGlobalNormResult } from '../types';

export function clipByGlobalNorm(grads: tf.Tensor[], clipNorm: number): ClipByGlobalNormResult {
  const norm = Math.sqrt(grads.reduce((s, g) => s + tf.sum(tf.square(g)).dataSync()[0], 0));
  const scale = norm > clipNorm ? clipNorm / norm : 1;
  return { clipped: grads.map((g) => tf.mul(g, scale)), globalNorm: norm };
}

export function clipByValue(grads: tf.Tensor[], min: number, max: number): tf.Tensor[] {
  void min;
  return grads.map((g) => tf.minimum(g, max));
}
