// Gradient clipping as TensorFlow does it: by global norm and by value.
import { tf } from '../tfjs';

/** The result of {@link clipByGlobalNorm}; `clipped` tensors are new and owned by the caller. */
export interface ClipByGlobalNormResult<T extends tf.Tensor> {
  /** The gradients scaled by `clipNorm / max(globalNorm, clipNorm)`, same order and shapes. */
  clipped: T[];
  /** √(Σ over every gradient of Σ g²), computed in float64 from the float32 values. */
  globalNorm: number;
}

/**
 * TensorFlow's `tf.clip_by_global_norm`: every gradient is multiplied by
 * `clipNorm / max(globalNorm, clipNorm)`, so the set is unchanged at or below the threshold, the
 * direction of the whole update is kept above it, and all-zero gradients stay zero (no division by 0).
 */
export function clipByGlobalNorm<T extends tf.Tensor>(grads: T[], clipNorm: number): ClipByGlobalNormResult<T> {
  if (!(clipNorm > 0) || !Number.isFinite(clipNorm)) {
    throw new Error(`clipByGlobalNorm: clipNorm must be a positive finite number, got ${clipNorm}`);
  }
  let sumOfSquares = 0;
  for (const g of grads) for (const v of g.dataSync()) sumOfSquares += v * v;
  const globalNorm = Math.sqrt(sumOfSquares);
  const scale = clipNorm / Math.max(globalNorm, clipNorm);
  const clipped = grads.map((g) => (scale === 1 ? g.clone() : tf.tidy(() => g.mul(scale) as T)));
  return { clipped, globalNorm };
}

/** `tf.clipByValue` on every gradient: each element is limited to [min, max]. Tensors are new. */
export function clipByValue<T extends tf.Tensor>(grads: T[], min: number, max: number): T[] {
  if (!(min <= max)) throw new Error(`clipByValue: need min <= max, got [${min}, ${max}]`);
  return grads.map((g) => tf.clipByValue(g, min, max));
}
