// Starter of exercise 03: backpropagation through time for the LSTM, by hand.
import * as tf from '@tensorflow/tfjs';
import type { LstmCache, LstmGradients } from './types';

/**
 * BPTT through the forward pass recorded in `cache` (T steps, batch B, hidden size H).
 * dhSeq [B, T, H]: ∂L/∂h_t read directly by the loss at every step; dhT, dcT [B, H]: extra gradient
 * flowing into the final h_T and c_T (null: none).
 * Returns dKernel [I, 4H], dRecurrentKernel [H, 4H], dBias [4H], dx [B, T, I], dh0 [B, H], dc0 [B, H]
 * and dGates { i, f, g, o }, each [B, T, H].
 */
export function lstmBackward(
  cache: LstmCache,
  dhSeq: tf.Tensor3D,
  dhT: tf.Tensor2D | null,
  dcT: tf.Tensor2D | null,
): LstmGradients {
  throw new Error('Remove this line and implement lstmBackward');
}
