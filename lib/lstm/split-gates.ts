// Splitting fused gate pre-activations [B, n·H] into n blocks [B, H], fast on both backends.
import { tf } from '../tfjs';

/**
 * `tf.split(z, n, 1)`. On the cpu backend it goes through a transpose instead: tfjs-cpu slices a
 * strided block element by element (≈ 7× slower here for the LSTM's gate blocks), while blocks
 * of a transposed [n, B, H] tensor are contiguous. Same values either way.
 */
export function splitGates(z: tf.Tensor2D, n: number): tf.Tensor2D[] {
  if (tf.getBackend() !== 'cpu') return tf.split(z, n, 1) as tf.Tensor2D[];
  const [B, nH] = z.shape;
  return tf.unstack(tf.transpose(z.reshape([B, n, nH / n]), [1, 0, 2])) as tf.Tensor2D[];
}
