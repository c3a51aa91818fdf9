// Deliberately wrong (content:check): the fused blocks are read as i, f, o, g (CS231n's order) instead of i, f, g, o.
import * as tf from '@tensorflow/tfjs';
import type { LstmParams, LstmStepResult } from '../types';

export function lstmCellStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, cPrev: tf.Tensor2D, p: LstmParams): LstmStepResult {
  const z = tf.add(tf.add(tf.matMul(x, p.kernel), tf.matMul(hPrev, p.recurrentKernel)), p.bias); // [B, 4H]
  const [zi, zf, zo, zg] = tf.split(z, 4, 1) as tf.Tensor2D[]; // [B, H] each, wrong order
  const i = tf.sigmoid(zi); // [B, H]
  const f = tf.sigmoid(zf); // [B, H]
  const o = tf.sigmoid(zo); // [B, H]
  const g = tf.tanh(zg); // [B, H]
  const c = tf.add(tf.mul(f, cPrev), tf.mul(i, g)) as tf.Tensor2D; // [B, H]
  const h = tf.mul(o, tf.tanh(c)) as tf.Tensor2D; // [B, H]
  return { h, c, gates: { i, f, g, o } };
}
