// Types of exercise 05-gru-cell, shared by the editor, starter.ts, solution.ts and tsc.
import type * as tf from '@tensorflow/tfjs';

/**
 * GRU weights in the Keras `reset_after=true` layout (= PyTorch nn.GRU), gate blocks z, r, h̃ along
 * the last axis: `x·kernel + bias[0]` and `h·recurrentKernel + bias[1]`, each split into three [B, H] blocks.
 */
export interface GruParams {
  /** [I, 3H] */
  kernel: tf.Tensor2D;
  /** [H, 3H] */
  recurrentKernel: tf.Tensor2D;
  /** [2, 3H]: row 0 input bias, row 1 recurrent bias */
  bias: tf.Tensor2D;
}

/** What `gruForward` returns. */
export interface GruForwardResult {
  /** every hidden state h_1 … h_T [B, T, H] */
  hSeq: tf.Tensor3D;
  /** the last hidden state h_T [B, H] */
  hT: tf.Tensor2D;
}
