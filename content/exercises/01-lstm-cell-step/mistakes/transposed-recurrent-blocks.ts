// Deliberately wrong (content:check): written gate by gate from the column-vector equations, U_k·h became hPrev·U_kᵀ.
import * as tf from '@tensorflow/tfjs';
import type { LstmParams, LstmStepResult } from '../types';

export function lstmCellStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, cPrev: tf.Tensor2D, p: LstmParams): LstmStepResult {
  const W = tf.split(p.kernel, 4, 1) as tf.Tensor2D[]; // 4 × [I, H]
  const U = tf.split(p.recurrentKernel, 4, 1) as tf.Tensor2D[]; // 4 × [H, H]
  const b = tf.split(p.bias, 4) as tf.Tensor1D[]; // 4 × [H]
  // wrong: transposeB multiplies by U_kᵀ
  const pre = (k: number) => tf.matMul(x, W[k]).add(tf.matMul(hPrev, U[k], false, true)).add(b[k]) as tf.Tensor2D; // [B, H]
  const i = tf.sigmoid(pre(0)); // [B, H]
  const f = tf.sigmoid(pre(1)); // [B, H]
  const g = tf.tanh(pre(2)); // [B, H]
  const o = tf.sigmoid(pre(3)); // [B, H]
  const c = f.mul(cPrev).add(i.mul(g)) as tf.Tensor2D; // [B, H]
  const h = o.mul(tf.tanh(c)) as tf.Tensor2D; // [B, H]
  return { h, c, gates: { i, f, g, o } };
}
