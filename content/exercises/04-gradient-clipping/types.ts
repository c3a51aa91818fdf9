// Types of exercise 04-gradient-clipping, shared by the editor, starter.ts, solution.ts and tsc.
import type * as tf from '@tensorflow/tfjs';

/** What `clipByGlobalNorm` returns, as TensorFlow's `tf.clip_by_global_norm` does. */
export interface ClipByGlobalNormResult {
  /** The gradients scaled by `clipNorm / max(globalNorm, clipNorm)`: same order, same shapes. */
  clipped: tf.Tensor[];
  /** √(Σ over every gradient of Σ g²), before clipping. */
  globalNorm: number;
}
