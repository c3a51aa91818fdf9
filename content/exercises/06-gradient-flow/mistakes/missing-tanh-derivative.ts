// Deliberately wrong (content:check): the RNN's backward pass skips tanh's derivative 1 − h_t².
import * as tf from '@tensorflow/tfjs';
import type { LstmParams, RnnParams } from '../types';

export function rnnGradientNorms(x: tf.Tensor3D, p: RnnParams): tf.Tensor1D {
  const T = x.shape[1];
  const H = p.recurrentKernel.shape[0];
  // ∂h_T/∂x_t = ∂h_T/∂h_t · W_xᵀ with the activation's slope left out at every step.
  let dh: tf.Tensor = tf.eye(H);
  const out = new Array<tf.Tensor>(T);
  for (let t = T - 1; t >= 0; t--) {
    out[t] = tf.norm(dh.matMul(p.kernel.transpose()));
    dh = dh.matMul(p.recurrentKernel.transpose());
  }
  void x;
  return tf.stack(out) as tf.Tensor1D;
}

export function lstmGradientNorms(x: tf.Tensor3D, p: LstmParams): tf.Tensor1D {
  const H = p.recurrentKernel.shape[0];
  const xs = tf.unstack(tf.tile(x, [H, 1, 1]), 1);
  let h: tf.Tensor = tf.zeros([H, H]);
  let c: tf.Tensor = tf.zeros([H, H]);
  const acts = xs.map((xt) => {
    const [a, b, d, e] = tf.split(xt.matMul(p.kernel).add(h.matMul(p.recurrentKernel)).add(p.bias), 4, 1);
    const i = a.sigmoid(), f = b.sigmoid(), g = d.tanh(), o = e.sigmoid();
    const cPrev = c;
    c = f.mul(c).add(i.mul(g));
    h = o.mul(c.tanh());
    return { i, f, g, o, cPrev, tc: c.tanh() };
  });
  let dh: tf.Tensor = tf.eye(H);
  let dcNext: tf.Tensor = tf.zeros([H, H]);
  const out: tf.Tensor[] = [];
  for (let t = xs.length - 1; t >= 0; t--) {
    const { i, f, g, o, cPrev, tc } = acts[t];
    const dc = dcNext.add(dh.mul(o).mul(tf.sub(1, tc.square())));
    const dz = tf.concat([dc.mul(g).mul(i).mul(tf.sub(1, i)), dc.mul(cPrev).mul(f).mul(tf.sub(1, f)), dc.mul(i).mul(tf.sub(1, g.square())), dh.mul(tc).mul(o).mul(tf.sub(1, o))], 1);
    out[t] = tf.norm(dz.matMul(p.kernel.transpose()));
    dh = dz.matMul(p.recurrentKernel.transpose());
    dcNext = dc.mul(f);
  }
  return tf.stack(out) as tf.Tensor1D;
}
