// Starter of exercise 06-gradient-flow: what the editor opens with.
import * as tf from '@tensorflow/tfjs';
import type { LstmParams, RnnParams } from './types';

/** ‖∂h_T/∂x_t‖_F for t = 0 … T−1 of a tanh RNN run from h_0 = 0 over one sequence x [1, T, I] → [T]. */
export function rnnGradientNorms(x: tf.Tensor3D, p: RnnParams): tf.Tensor1D {
  throw new Error('Remove this line and implement rnnGradientNorms');
}

/** ‖∂h_T/∂x_t‖_F for t = 0 … T−1 of an LSTM run from h_0 = c_0 = 0 over one sequence x [1, T, I] → [T]. */
export function lstmGradientNorms(x: tf.Tensor3D, p: LstmParams): tf.Tensor1D {
  throw new Error('Remove this line and implement lstmGradientNorms');
}
