// Types of exercise 06-gradient-flow, shared by the editor, starter.ts, solution.ts and tsc.
import type * as tf from '@tensorflow/tfjs';

/** Vanilla tanh RNN weights: `h_t = tanh(x_t·kernel + h_{t-1}·recurrentKernel + bias)`. */
export interface RnnParams {
  /** [I, H] */
  kernel: tf.Tensor2D;
  /** [H, H] */
  recurrentKernel: tf.Tensor2D;
  /** [H] */
  bias: tf.Tensor1D;
}

/** LSTM weights in the Keras layout, gate blocks i, f, g, o along the last axis. */
export interface LstmParams {
  /** [I, 4H] */
  kernel: tf.Tensor2D;
  /** [H, 4H] */
  recurrentKernel: tf.Tensor2D;
  /** [4H] */
  bias: tf.Tensor1D;
}
