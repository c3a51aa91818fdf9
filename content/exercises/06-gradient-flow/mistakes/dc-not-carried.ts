// Deliberately wrong (content:check): the LSTM's dc is not carried back through time (each step starts from dc = 0).
import * as tf from '@tensorflow/tfjs';
import type { LstmParams, RnnParams } from '../types';

export function rnnGradientNorms(x: tf.Tensor3D, p: RnnParams): tf.Tensor1D {
  const H = p.recurrentKernel.shape[0];
  const xs = tf.unstack(tf.tile(x, [H, 1, 1]), 1);
  let h: tf.Tensor = tf.zeros([H, H]);
  const hs = xs.map((xt) => (h = tf.tanh(xt.matMul(p.kernel).add(h.matMul(p.recurrentKernel)).add(p.bias))));
  let dh: tf.Tensor = tf.eye(H);
  const norms: tf.Tensor[] = [];
  for (let t = xs.length - 1; t >= 0; t--) {
    const da = dh.mul(tf.sub(1, hs[t].square()));
    norms.unshift(da.matMul(p.kernel.transpose()).square().sum().sqrt());
    dh = da.matMul(p.recurrentKernel.transpose());
  }
  return tf.stack(norms) as tf.Tensor1D;
}

export function lstmGradientNorms(x: tf.Tensor3D, p: LstmParams): tf.Tensor1D {
  const H = p.recurrentKernel.shape[0];
  const xs = tf.unstack(tf.tile(x, [H, 1, 1]), 1);
  let h: tf.Tensor = tf.zeros([H, H]);
  let c: tf.Tensor = tf.zeros([H, H]);
  const mem = xs.map((xt) => {
    const [a, b, d, e] = tf.split(xt.matMul(p.kernel).add(h.matMul(p.recurrentKernel)).add(p.bias), 4, 1);
    const i = a.sigmoid(), f = b.sigmoid(), g = d.tanh(), o = e.sigmoid();
    const cp = c;
    c = f.mul(cp).add(i.mul(g));
    h = o.mul(c.tanh());
    return { i, f, g, o, cp, tc: c.tanh() };
  });
  let dh: tf.Tensor = tf.eye(H);
  const norms: tf.Tensor[] = [];
  for (let t = xs.length - 1; t >= 0; t--) {
    const { i, f, g, o, cp, tc } = mem[t];
    const dc = dh.mul(o).mul(tf.sub(1, tc.square())); // the dc arriving from step t+1 is forgotten
    const dz = tf.concat([dc.mul(g).mul(i).mul(tf.sub(1, i)), dc.mul(cp).mul(f).mul(tf.sub(1, f)), dc.mul(i).mul(tf.sub(1, g.square())), dh.mul(tc).mul(o).mul(tf.sub(1, o))], 1);
    norms.unshift(dz.matMul(p.kernel.transpose()).square().sum().sqrt());
    dh = dz.matMul(p.recurrentKernel.transpose());
  }
  return tf.stack(norms) as tf.Tensor1D;
}
