// Deliberately wrong (content:check): the reset gate multiplies h_{t-1} before the matMul (Keras reset_after=false), not the recurrent term.
import * as tf from '@tensorflow/tfjs';
import type { GruForwardResult, GruParams } from '../types';

export function gruCellStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, p: GruParams): tf.Tensor2D {
  const [Wz, Wr, Wh] = tf.split(p.kernel, 3, 1);
  const [Uz, Ur, Uh] = tf.split(p.recurrentKernel, 3, 1);
  const [bi, bh] = tf.unstack(p.bias);
  const [biz, bir, bih] = tf.split(bi, 3);
  const [bhz, bhr, bhh] = tf.split(bh, 3);
  const z = tf.sigmoid(x.matMul(Wz).add(biz).add(hPrev.matMul(Uz)).add(bhz));
  const r = tf.sigmoid(x.matMul(Wr).add(bir).add(hPrev.matMul(Ur)).add(bhr));
  const n = tf.tanh(x.matMul(Wh).add(bih).add(r.mul(hPrev).matMul(Uh)).add(bhh));
  return z.mul(hPrev).add(tf.sub(1, z).mul(n)) as tf.Tensor2D;
}

export function gruForward(x: tf.Tensor3D, p: GruParams, h0: tf.Tensor2D): GruForwardResult {
  const hs = [];
  let h = h0;
  for (const xt of tf.unstack(x, 1)) {
    h = gruCellStep(xt as tf.Tensor2D, h, p);
    hs.push(h);
  }
  return { hSeq: tf.stack(hs, 1) as tf.Tensor3D, hT: h };
}
