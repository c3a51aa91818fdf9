// Deliberately wrong (content:check): tanh instead of sigmoid on the output gate.
import * as tf from '@tensorflow/tfjs';
import type { LstmParams, LstmStepResult } from '../types';

export function lstmCellStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, cPrev: tf.Tensor2D, p: LstmParams): LstmStepResult {
  const z = tf.add(tf.add(tf.matMul(x, p.kernel), tf.matMul(hPrev, p.recurrentKernel)), p.bias); // [B, 4H]
  const [zi, zf, zg, zo] = tf.split(z, 4, 1) as tf.Tensor2D[]; // [B, H] each
  const [i, f, g, o] = [tf.sigmoid(zi), tf.sigmoid(zf), tf.tanh(zg), tf.tanh(zo)]; // [B, H] each; wrong: o needs sigmoid
  const c = tf.add(tf.mul(f, cPrev), tf.mul(i, g)) as tf.Tensor2D; // [B, H]
  const h = tf.mul(o, tf.tanh(c)) as tf.Tensor2D; // [B, H]
  return { h, c, gates: { i, f, g, o } };
}
