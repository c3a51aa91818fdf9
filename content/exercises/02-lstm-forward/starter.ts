// Starter of exercise 02: the LSTM over a whole sequence.
import * as tf from '@tensorflow/tfjs';
import type { LstmForwardResult, LstmInitialState, LstmParams } from './types';

/**
 * Runs the LSTM over x [B, T, I] from `init` (null: h0 = c0 = 0).
 * p.kernel [I, 4H], p.recurrentKernel [H, 4H], p.bias [4H] (gate order i, f, g, o).
 * Returns hSeq [B, T, H], hT [B, H], cT [B, H] and the cache { params, steps } of every step.
 */
export function lstmForward(x: tf.Tensor3D, p: LstmParams, init: LstmInitialState | null): LstmForwardResult {
  throw new Error('Remove this line and implement lstmForward');
}
