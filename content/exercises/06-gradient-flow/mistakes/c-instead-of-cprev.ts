// Deliberately wrong (content:check): the forget gate's gradient uses c_t where the forward pass multiplied f by c_{t-1}.
import * as tf from '@tensorflow/tfjs';
import type { LstmParams, RnnParams } from '../types';

export function rnnGradientNorms(x: tf.Tensor3D, p: RnnParams): tf.Tensor1D {
  const H = p.recurrentKernel.shape[0];
  const xs = tf.unstack(tf.tile(x, [H, 1, 1]), 1);
  const hs: tf.Tensor[] = [];
  for (const xt of xs) hs.push(tf.tanh(xt.matMul(p.kernel).add((hs.length ? hs[hs.length - 1] : tf.zeros([H, H])).matMul(p.recurrentKernel)).add(p.bias)));
  const out: tf.Tensor[] = [];
  let dh: tf.Tensor = tf.eye(H);
  for (let t = xs.length - 1; t >= 0; t--) {
    const da = dh.mul(tf.sub(1, hs[t].square()));
    out[t] = tf.norm(da.matMul(p.kernel.transpose()));
    dh = da.matMul(p.recurrentKernel.transpose());
  }
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
    c = f.mul(c).add(i.mul(g));
    h = o.mul(c.tanh());
    return { i, f, g, o, c };
  });
  let dh: tf.Tensor = tf.eye(H);
  let dcNext: tf.Tensor = tf.zeros([H, H]);
  const out: tf.Tensor[] = [];
  for (let t = xs.length - 1; t >= 0; t--) {
    const { i, f, g, o, c: ct } = acts[t];
    const tc = ct.tanh();
    const dc = dcNext.add(dh.mul(o).mul(tf.sub(1, tc.square())));
    const dz = tf.concat([dc.mul(g).mul(i).mul(tf.sub(1, i)), dc.mul(ct).mul(f).mul(tf.sub(1, f)), dc.mul(i).mul(tf.sub(1, g.square())), dh.mul(tc).mul(o).mul(tf.sub(1, o))], 1);
    out[t] = tf.norm(dz.matMul(p.kernel.transpose()));
    dh = dz.matMul(p.recurrentKernel.transpose());
    dcNext = dc.mul(f);
  }
  return tf.stack(out) as tf.Tensor1D;
}
