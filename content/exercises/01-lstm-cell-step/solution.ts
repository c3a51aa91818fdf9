// Model answer of exercise 01: one fused matMul, one split, four activations, two updates.
import * as tf from '@tensorflow/tfjs';
import type { LstmParams, LstmStepResult } from './types';

/**
 * One LSTM step for a batch.
 * x [B, I], hPrev [B, H], cPrev [B, H]; p.kernel [I, 4H], p.recurrentKernel [H, 4H], p.bias [4H] (gate order i, f, g, o).
 * Returns h [B, H], c [B, H] and the gate activations i, f, g, o, each [B, H].
 */
export function lstmCellStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, cPrev: tf.Tensor2D, p: LstmParams): LstmStepResult {
  return tf.tidy(() => {
    // Pre-activations of all four gates at once: the input term, the recurrent term, the bias.
    const z = tf.add(tf.add(tf.matMul(x, p.kernel), tf.matMul(hPrev, p.recurrentKernel)), p.bias); // [B, 4H]
    const [zi, zf, zg, zo] = tf.split(z, 4, 1) as tf.Tensor2D[]; // [B, H] each, in the order i, f, g, o
    const i = tf.sigmoid(zi); // [B, H] how much of the candidate to write
    const f = tf.sigmoid(zf); // [B, H] how much of the old cell to keep
    const g = tf.tanh(zg); // [B, H] the candidate values
    const o = tf.sigmoid(zo); // [B, H] how much of the cell to show
    const c = tf.add(tf.mul(f, cPrev), tf.mul(i, g)) as tf.Tensor2D; // [B, H] c_t = f ⊙ c_{t-1} + i ⊙ g
    const h = tf.mul(o, tf.tanh(c)) as tf.Tensor2D; // [B, H] h_t = o ⊙ tanh(c_t)
    return { h, c, gates: { i, f, g, o } };
  });
}
