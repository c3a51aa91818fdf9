// Deliberately wrong (content:check): the recurrent weights never multiply hPrev (the source sheet's bug).
import * as tf from '@tensorflow/tfjs';
import type { LstmParams, LstmStepResult } from '../types';

export function lstmCellStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, cPrev: tf.Tensor2D, p: LstmParams): LstmStepResult {
  void hPrev;
  const z = tf.add(tf.matMul(x, p.kernel), p.bias); // [B, 4H] wrong: + hPrev·recurrentKernel is missing
  const [zi, zf, zg, zo] = tf.split(z, 4, 1) as tf.Tensor2D[]; // [B, H] each
  const i = tf.sigmoid(zi); // [B, H]
  const f = tf.sigmoid(zf); // [B, H]
  const g = tf.tanh(zg); // [B, H]
  const o = tf.sigmoid(zo); // [B, H]
  const c = tf.add(tf.mul(f, cPrev), tf.mul(i, g)) as tf.Tensor2D; // [B, H]
  const h = tf.mul(o, tf.tanh(c)) as tf.Tensor2D; // [B, H]
  return { h, c, gates: { i, f, g, o } };
}
