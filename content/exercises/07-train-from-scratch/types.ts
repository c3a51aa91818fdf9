// Types of exercise 07-train-from-scratch, shared by the editor, starter.ts, solution.ts and tsc.
import type * as tf from '@tensorflow/tfjs';

/** An LSTM (Keras layout, gate blocks i, f, g, o) with a dense read-out on every step: ŷ_t = h_t·outputKernel + outputBias. */
export interface ModelParams {
  /** [I, 4H] */
  kernel: tf.Tensor2D;
  /** [H, 4H] */
  recurrentKernel: tf.Tensor2D;
  /** [4H] */
  bias: tf.Tensor1D;
  /** [H, O] */
  outputKernel: tf.Tensor2D;
  /** [O] */
  outputBias: tf.Tensor1D;
}

/** SGD with momentum and global-norm clipping. */
export interface Hyperparameters {
  learningRate: number;
  momentum: number;
  clipNorm: number;
}

/** What one training step returns. */
export interface TrainStepResult {
  /** the MSE of the batch BEFORE the update */
  loss: number;
  /** v ← μ·v + clip(g), one tensor per parameter */
  velocity: ModelParams;
  /** θ ← θ − η·v */
  params: ModelParams;
}

/** How `train` runs: `steps` updates on consecutive batches of `batchSize` sequences. */
export interface TrainConfig extends Hyperparameters {
  steps: number;
  batchSize: number;
}

/** What `train` returns. */
export interface TrainResult {
  /** the weights after the last step */
  params: ModelParams;
  /** the loss of every step, in order */
  losses: number[];
}
