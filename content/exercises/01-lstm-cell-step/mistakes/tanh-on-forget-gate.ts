// Deliberately wrong (content:check): tanh instead of sigmoid on the forget gate.
import * as tf from '@tensorflow/tfjs';
import type { LstmParams, LstmStepResult } from '../types';

export function lstmCellStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, cPrev: tf.Tensor2D, p: LstmParams): LstmStepResult {
  return tf.tidy(() => {
    const z = x.matMul(p.kernel).add(hPrev.matMul(p.recurrentKernel)).add(p.bias) as tf.Tensor2D; // [B, 4H]
    const [zi, zf, zg, zo] = tf.split(z, 4, 1) as tf.Tensor2D[]; // [B, H] each
    const i = zi.sigmoid(); // [B, H]
    const f = zf.tanh(); // [B, H] wrong: a gate needs sigmoid
    const g = zg.tanh(); // [B, H]
    const o = zo.sigmoid(); // [B, H]
    const c = f.mul(cPrev).add(i.mul(g)) as tf.Tensor2D; // [B, H]
    const h = o.mul(c.tanh()) as tf.Tensor2D; // [B, H]
    return { h, c, gates: { i, f, g, o } };
  });
}
