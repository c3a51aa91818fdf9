// Types of exercise 03 (BPTT through an LSTM), declared once for the editor, starter.ts, solution.ts and tsc.
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

/** The forward pass's record (exercise 02's cache): the weights and one entry per time step, steps[t] for t = 0 … T−1. */
export interface LstmCache {
  params: LstmParams;
  steps: LstmStepCache[];
}

/** Gradients of the gate pre-activations z (before σ / tanh), each [B, T, H]: dGates.i[:, t, :] = ∂L/∂z_{t,i}. */
export interface LstmGateGradients {
  i: tf.Tensor3D;
  f: tf.Tensor3D;
  g: tf.Tensor3D;
  o: tf.Tensor3D;
}

/** What `lstmBackward` returns: the gradient of the loss with respect to every input of the forward pass. */
export interface LstmGradients {
  /** ∂L/∂kernel [I, 4H] */
  dKernel: tf.Tensor2D;
  /** ∂L/∂recurrentKernel [H, 4H] */
  dRecurrentKernel: tf.Tensor2D;
  /** ∂L/∂bias [4H] */
  dBias: tf.Tensor1D;
  /** ∂L/∂x [B, T, I] */
  dx: tf.Tensor3D;
  /** ∂L/∂h0 [B, H] */
  dh0: tf.Tensor2D;
  /** ∂L/∂c0 [B, H] */
  dc0: tf.Tensor2D;
  dGates: LstmGateGradients;
}
