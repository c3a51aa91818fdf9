// Deliberately wrong (content:check): every step of the sequence starts again from h0 instead of h_{t-1}.
import * as tf from '@tensorflow/tfjs';
import type { GruForwardResult, GruParams } from '../types';

export function gruCellStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, p: GruParams): tf.Tensor2D {
  const [bIn, bRec] = tf.unstack(p.bias);
  const [az, ar, ah] = tf.split(tf.matMul(x, p.kernel).add(bIn), 3, 1);
  const [cz, cr, ch] = tf.split(tf.matMul(hPrev, p.recurrentKernel).add(bRec), 3, 1);
  const z = tf.sigmoid(az.add(cz));
  const r = tf.sigmoid(ar.add(cr));
  const cand = tf.tanh(ah.add(r.mul(ch)));
  return z.mul(hPrev).add(tf.sub(1, z).mul(cand)) as tf.Tensor2D;
}

export function gruForward(x: tf.Tensor3D, p: GruParams, h0: tf.Tensor2D): GruForwardResult {
  const hs = (tf.unstack(x, 1) as tf.Tensor2D[]).map((xt) => gruCellStep(xt, h0, p));
  return { hSeq: tf.stack(hs, 1) as tf.Tensor3D, hT: hs[hs.length - 1] };
}
