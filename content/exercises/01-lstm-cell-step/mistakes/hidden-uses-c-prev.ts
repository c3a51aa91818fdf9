// Deliberately wrong (content:check): h_t is read from the old cell, o ⊙ tanh(c_{t-1}).
import * as tf from '@tensorflow/tfjs';
import type { LstmParams, LstmStepResult } from '../types';

export function lstmCellStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, cPrev: tf.Tensor2D, p: LstmParams): LstmStepResult {
  const z = tf.concat([x, hPrev], 1).matMul(tf.concat([p.kernel, p.recurrentKernel], 0)).add(p.bias); // [B, 4H]
  const H = hPrev.shape[1];
  const block = (k: number) => z.slice([0, k * H], [-1, H]) as tf.Tensor2D; // [B, H]
  const i = tf.sigmoid(block(0)); // [B, H]
  const f = tf.sigmoid(block(1)); // [B, H]
  const g = tf.tanh(block(2)); // [B, H]
  const o = tf.sigmoid(block(3)); // [B, H]
  const h = o.mul(tf.tanh(cPrev)) as tf.Tensor2D; // [B, H] wrong: computed before the cell update, from c_{t-1}
  const c = f.mul(cPrev).add(i.mul(g)) as tf.Tensor2D; // [B, H]
  return { h, c, gates: { i, f, g, o } };
}
