// Starter of exercise 01: one LSTM time step.
import * as tf from '@tensorflow/tfjs';
import type { LstmParams, LstmStepResult } from './types';

/**
 * One LSTM step for a batch.
 * x [B, I], hPrev [B, H], cPrev [B, H]; p.kernel [I, 4H], p.recurrentKernel [H, 4H], p.bias [4H] (gate order i, f, g, o).
 * Returns h [B, H], c [B, H] and the gate activations i, f, g, o, each [B, H].
 */
export function lstmCellStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, cPrev: tf.Tensor2D, p: LstmParams): LstmStepResult {
  throw new Error('Remove this line and implement lstmCellStep');
}
