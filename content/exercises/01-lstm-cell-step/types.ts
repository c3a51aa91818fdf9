// Types of exercise 01 (one LSTM step), declared once for the editor, starter.ts, solution.ts and tsc.
import type * as tf from '@tensorflow/tfjs';

/**
 * LSTM weights in the Keras / tf.layers layout, gate blocks i, f, g, o along the last axis:
 * `z = x·kernel + hPrev·recurrentKernel + bias`.
 */
export interface LstmParams {
  /** [I, 4H] */
  kernel: tf.Tensor2D;
  /** [H, 4H] */
  recurrentKernel: tf.Tensor2D;
  /** [4H] */
  bias: tf.Tensor1D;
}

/** Gate activations of one step, each [B, H]: input gate i, forget gate f, candidate g, output gate o. */
export interface LstmGates {
  i: tf.Tensor2D;
  f: tf.Tensor2D;
  g: tf.Tensor2D;
  o: tf.Tensor2D;
}

/** What `lstmCellStep` returns. */
export interface LstmStepResult {
  /** h_t [B, H] */
  h: tf.Tensor2D;
  /** c_t [B, H] */
  c: tf.Tensor2D;
  /** the activations that produced them */
  gates: LstmGates;
}
