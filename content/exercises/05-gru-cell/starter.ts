// Starter of exercise 05-gru-cell: what the editor opens with.
import * as tf from '@tensorflow/tfjs';
import type { GruForwardResult, GruParams } from './types';

/** One GRU step: x [B, I], hPrev [B, H] → h [B, H]. */
export function gruCellStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, p: GruParams): tf.Tensor2D {
  throw new Error('Remove this line and implement gruCellStep');
}

/** The GRU over x [B, T, I] from h0 [B, H]: every h_t [B, T, H] and the last one [B, H]. */
export function gruForward(x: tf.Tensor3D, p: GruParams, h0: tf.Tensor2D): GruForwardResult {
  throw new Error('Remove this line and implement gruForward');
}
