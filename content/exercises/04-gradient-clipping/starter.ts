// Starter of exercise 04-gradient-clipping: what the editor opens with.
import * as tf from '@tensorflow/tfjs';
import type { ClipByGlobalNormResult } from './types';

/** Scales every gradient by clipNorm / max(globalNorm, clipNorm); returns the clipped list and the global norm. */
export function clipByGlobalNorm(grads: tf.Tensor[], clipNorm: number): ClipByGlobalNormResult {
  throw new Error('Remove this line and implement clipByGlobalNorm');
}

/** Limits every element of every gradient to [min, max]. */
export function clipByValue(grads: tf.Tensor[], min: number, max: number): tf.Tensor[] {
  throw new Error('Remove this line and implement clipByValue');
}
