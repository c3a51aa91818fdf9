// Deliberately wrong (content:check): the weight columns are read in PyTorch's order r, z, n instead of z, r, h̃.
import * as tf from '@tensorflow/tfjs';
import type { GruForwardResult, GruParams } from '../types';

export function gruCellStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, p: GruParams): tf.Tensor2D {
  const [inB, recB] = tf.unstack(p.bias);
  const [xr, xz, xn] = tf.split(x.matMul(p.kernel).add(inB), 3, 1);
  const [hr, hz, hn] = tf.split(hPrev.matMul(p.recurrentKernel).add(recB), 3, 1);
  const r = tf.sigmoid(xr.add(hr));
  const z = tf.sigmoid(xz.add(hz));
  const n = tf.tanh(xn.add(r.mul(hn)));
  return tf.sub(1, z).mul(n).add(z.mul(hPrev)) as tf.Tensor2D;
}

export function gruForward(x: tf.Tensor3D, p: GruParams, h0: tf.Tensor2D): GruForwardResult {
  const hs: tf.Tensor2D[] = [];
  for (const xt of tf.unstack(x, 1) as tf.Tensor2D[]) hs.push(gruCellStep(xt, hs.length ? hs[hs.length - 1] : h0, p));
  return { hSeq: tf.stack(hs, 1) as tf.Tensor3D, hT: hs[hs.length - 1] };
}
