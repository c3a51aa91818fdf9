// Deliberately wrong (content:check): the update and reset gates use tanh instead of a sigmoid.
import * as tf from '@tensorflow/tfjs';
import type { GruForwardResult, GruParams } from '../types';

export function gruCellStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, p: GruParams): tf.Tensor2D {
  const [bIn, bRec] = tf.unstack(p.bias);
  const [az, ar, ah] = tf.split(tf.matMul(x, p.kernel).add(bIn), 3, 1);
  const [cz, cr, ch] = tf.split(tf.matMul(hPrev, p.recurrentKernel).add(bRec), 3, 1);
  const z = tf.tanh(az.add(cz));
  const r = tf.tanh(ar.add(cr));
  const cand = tf.tanh(ah.add(r.mul(ch)));
  return z.mul(hPrev).add(tf.sub(1, z).mul(cand)) as tf.Tensor2D;
}

export function gruForward(x: tf.Tensor3D, p: GruParams, h0: tf.Tensor2D): GruForwardResult {
  let h = h0;
  const hs: tf.Tensor2D[] = [];
  for (const xt of tf.unstack(x, 1) as tf.Tensor2D[]) {
    h = gruCellStep(xt, h, p);
    hs.push(h);
  }
  return { hSeq: tf.stack(hs, 1) as tf.Tensor3D, hT: h };
}
