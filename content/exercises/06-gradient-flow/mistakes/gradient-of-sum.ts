// Deliberately wrong (content:check): one backward pass from dh_T = ones measures ‖∂(Σ_k h_T[k])/∂x_t‖, not the Jacobian's norm.
import * as tf from '@tensorflow/tfjs';
import type { LstmParams, RnnParams } from '../types';

export function rnnGradientNorms(x: tf.Tensor3D, p: RnnParams): tf.Tensor1D {
  const H = p.recurrentKernel.shape[0];
  const xs = tf.unstack(x, 1);
  let h: tf.Tensor = tf.zeros([1, H]);
  const hs = xs.map((xt) => (h = tf.tanh(xt.matMul(p.kernel).add(h.matMul(p.recurrentKernel)).add(p.bias))));
  let dh: tf.Tensor = tf.ones([1, H]);
  const norms: tf.Tensor[] = [];
  for (let t = xs.length - 1; t >= 0; t--) {
    const da = dh.mul(tf.sub(1, hs[t].square()));
    norms.unshift(tf.norm(da.matMul(p.kernel.transpose())));
    dh = da.matMul(p.recurrentKernel.transpose());
  }
  return tf.stack(norms) as tf.Tensor1D;
}

export function lstmGradientNorms(x: tf.Tensor3D, p: LstmParams): tf.Tensor1D {
  const H = p.recurrentKernel.shape[0];
  const xs = tf.unstack(x, 1);
  let h: tf.Tensor = tf.zeros([1, H]);
  let c: tf.Tensor = tf.zeros([1, H]);
  const acts = xs.map((xt) => {
    const [a, b, d, e] = tf.split(xt.matMul(p.kernel).add(h.matMul(p.recurrentKernel)).add(p.bias), 4, 1);
    const i = a.sigmoid(), f = b.sigmoid(), g = d.tanh(), o = e.sigmoid();
    const cPrev = c;
    c = f.mul(c).add(i.mul(g));
    h = o.mul(c.tanh());
    return { i, f, g, o, cPrev, tc: c.tanh() };
  });
  let dh: tf.Tensor = tf.ones([1, H]);
  let dcNext: tf.Tensor = tf.zeros([1, H]);
  const norms: tf.Tensor[] = [];
  for (let t = xs.length - 1; t >= 0; t--) {
    const { i, f, g, o, cPrev, tc } = acts[t];
    const dc = dcNext.add(dh.mul(o).mul(tf.sub(1, tc.square())));
    const dz = tf.concat([dc.mul(g).mul(i).mul(tf.sub(1, i)), dc.mul(cPrev).mul(f).mul(tf.sub(1, f)), dc.mul(i).mul(tf.sub(1, g.square())), dh.mul(tc).mul(o).mul(tf.sub(1, o))], 1);
    norms.unshift(tf.norm(dz.matMul(p.kernel.transpose())));
    dh = dz.matMul(p.recurrentKernel.transpose());
    dcNext = dc.mul(f);
  }
  return tf.stack(norms) as tf.Tensor1D;
}
