// Types of exercise 02 (the LSTM over a sequence), declared once for the editor, starter.ts, solution.ts and tsc.
import type * as tf from '@tensorflow/tfjs';

/**
 * LSTM weights in the Keras / tf.layers layout, gate blocks i, f, g, o along the last axis:
 * `z = x_t·kernel + h_{t-1}·recurrentKernel + bias`.
 */
export interface LstmParams {
  /** [I, 4H] */
  kernel: tf.Tensor2D;
  /** [H, 4H] */
  recurrentKernel: tf.Tensor2D;
  /** [4H] */
  bias: tf.Tensor1D;
}

/** The state the sequence starts from, each [B, H]. */
export interface LstmInitialState {
  h0: tf.Tensor2D;
  c0: tf.Tensor2D;
}

/** What step t keeps for backpropagation through time, each [B, ·]. */
export interface LstmStepCache {
  /** x_t [B, I] */
  x: tf.Tensor2D;
  /** h_{t-1} [B, H] (h0 at t = 0) */
  hPrev: tf.Tensor2D;
  /** c_{t-1} [B, H] (c0 at t = 0) */
  cPrev: tf.Tensor2D;
  /** gate activations [B, H]: input i, forget f, candidate g, output o */
  i: tf.Tensor2D;
  f: tf.Tensor2D;
  g: tf.Tensor2D;
  o: tf.Tensor2D;
  /** c_t [B, H] */
  c: tf.Tensor2D;
  /** tanh(c_t) [B, H] */
  tanhC: tf.Tensor2D;
}

/** Everything the backward pass needs: the weights and one entry per time step, steps[t] for t = 0 … T−1. */
export interface LstmCache {
  params: LstmParams;
  steps: LstmStepCache[];
}

/** What `lstmForward` returns. */
export interface LstmForwardResult {
  /** h_1 … h_T, batch-major [B, T, H] */
  hSeq: tf.Tensor3D;
  /** h_T [B, H] */
  hT: tf.Tensor2D;
  /** c_T [B, H] */
  cT: tf.Tensor2D;
  cache: LstmCache;
}
