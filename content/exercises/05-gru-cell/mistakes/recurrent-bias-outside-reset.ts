// Deliberately wrong (content:check): the recurrent candidate bias is added outside the reset gate, r ⊙ (h·U_h) + b_rh.
import * as tf from '@tensorflow/tfjs';
import type { GruForwardResult, GruParams } from '../types';

export function gruCellStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, p: GruParams): tf.Tensor2D {
  const [bIn, bRec] = tf.unstack(p.bias) as tf.Tensor1D[];
  const [az, ar, ah] = tf.split(tf.matMul(x, p.kernel).add(bIn), 3, 1);
  const [uz, ur, uh] = tf.split(tf.matMul(hPrev, p.recurrentKernel), 3, 1);
  const [bz, br, bh] = tf.split(bRec, 3);
  const z = tf.sigmoid(az.add(uz).add(bz));
  const r = tf.sigmoid(ar.add(ur).add(br));
  const cand = tf.tanh(ah.add(r.mul(uh)).add(bh));
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
