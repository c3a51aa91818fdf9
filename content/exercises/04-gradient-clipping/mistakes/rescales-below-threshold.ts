// Deliberately wrong (content:check): every gradient is rescaled to norm clipNorm, even when it was already smaller.
import * as tf from '@tensorflow/tfjs';
import type { ClipByGlobalNormResult } from '../types';

export function clipByGlobalNorm(grads: tf.Tensor[], clipNorm: number): ClipByGlobalNormResult {
  const squares = grads.map((g) => tf.sum(tf.mul(g, g))); // [] each
  const globalNorm = tf.sqrt(tf.addN(squares)); // []
  const clipped = grads.map((g) => tf.div(tf.mul(g, clipNorm), globalNorm));
  return { clipped, globalNorm: globalNorm.dataSync()[0] };
}

export function clipByValue(grads: tf.Tensor[], min: number, max: number): tf.Tensor[] {
  return grads.map((g) => tf.clipByValue(g, min, max));
}
