// Moving between batch-major sequences [B, T, F] and their T time steps [B, F].
//
// Steps are taken from a time-major copy [T, B, F], where each step is one contiguous block: slicing a
// strided block is slow on tfjs' cpu backend (≈ 15× here), and the transpose of the small input is cheap.
import { tf } from '../tfjs';

/** [B, T, F] → [T, B, F] */
export function toTimeMajor(seq: tf.Tensor3D): tf.Tensor3D {
  return tf.transpose(seq, [1, 0, 2]);
}

/**
 * The T steps [B, F] of a time-major [T, B, F]. A single step is a reshape: tfjs' gradient of
 * unstack fails on a size-1 axis, and the forward passes must stay differentiable by `tf.grad`.
 */
export function unstackTimeMajor(seq: tf.Tensor3D): tf.Tensor2D[] {
  const [T, B, F] = seq.shape;
  if (T === 1) return [seq.reshape([B, F])];
  return tf.unstack(seq) as tf.Tensor2D[];
}

/** The T steps [B, F] of a batch-major [B, T, F]. */
export function timeSteps(seq: tf.Tensor3D): tf.Tensor2D[] {
  return unstackTimeMajor(toTimeMajor(seq));
}

/** Stacks T steps [B, F] into a time-major [T·B, F] matrix (rows t·B … t·B + B − 1 are step t). */
export function stackTimeMajorRows(steps: tf.Tensor2D[]): tf.Tensor2D {
  const [B, F] = steps[0].shape;
  return tf.stack(steps).reshape([steps.length * B, F]);
}

/** A time-major [T·B, F] matrix back to a batch-major [B, T, F] sequence. */
export function rowsToBatchMajor(rows: tf.Tensor, T: number): tf.Tensor3D {
  const [TB, F] = rows.shape as [number, number];
  return tf.transpose(rows.reshape([T, TB / T, F]), [1, 0, 2]) as tf.Tensor3D;
}
