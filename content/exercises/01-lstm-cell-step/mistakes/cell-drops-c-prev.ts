// Deliberately wrong (content:check): the source sheet's cell update, c_t = i ⊙ g, which forgets c_{t-1}.
import * as tf from '@tensorflow/tfjs';
import type { LstmParams, LstmStepResult } from '../types';

export function lstmCellStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, cPrev: tf.Tensor2D, p: LstmParams): LstmStepResult {
  void cPrev;
  const z = x.matMul(p.kernel).add(hPrev.matMul(p.recurrentKernel)).add(p.bias); // [B, 4H]
  const [zi, zf, zg, zo] = tf.split(z, 4, 1) as tf.Tensor2D[]; // [B, H] each
  const i = tf.sigmoid(zi); // [B, H]
  const f = tf.sigmoid(zf); // [B, H]
  const g = tf.tanh(zg); // [B, H]
  const o = tf.sigmoid(zo); // [B, H]
  const c = i.mul(g) as tf.Tensor2D; // [B, H] wrong: f ⊙ c_{t-1} is missing
  const h = o.mul(c.tanh()) as tf.Tensor2D; // [B, H]
  return { h, c, gates: { i, f, g, o } };
}
