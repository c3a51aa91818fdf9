// Deliberately wrong (content:check): dh is not carried back through time, so only the last step's input gets a gradient (dc still flows in the LSTM).
import * as tf from '@tensorflow/tfjs';
import type { LstmParams, RnnParams } from '../types';

export function rnnGradientNorms(x: tf.Tensor3D, p: RnnParams): tf.Tensor1D {
  const H = p.recurrentKernel.shape[0];
  const T = x.shape[1];
  const seq = tf.tile(x, [H, 1, 1]);
  const hs: tf.Tensor[] = [];
  let h: tf.Tensor = tf.zeros([H, H]);
  for (let t = 0; t < T; t++) {
    const xt = seq.slice([0, t, 0], [H, 1, -1]).reshape([H, -1]);
    h = tf.tanh(xt.matMul(p.kernel).add(h.matMul(p.recurrentKernel)).add(p.bias));
    hs.push(h);
  }
  const out: number[] = [];
  for (let t = 0; t < T; t++) {
    const dh = t === T - 1 ? tf.eye(H) : tf.zeros([H, H]); // only the direct path from h_T
    const da = dh.mul(tf.sub(1, hs[t].square()));
    out.push(tf.norm(da.matMul(p.kernel.transpose())).dataSync()[0]);
  }
  return tf.tensor1d(out);
}

export function lstmGradientNorms(x: tf.Tensor3D, p: LstmParams): tf.Tensor1D {
  const H = p.recurrentKernel.shape[0];
  const T = x.shape[1];
  const seq = tf.tile(x, [H, 1, 1]);
  let h: tf.Tensor = tf.zeros([H, H]);
  let c: tf.Tensor = tf.zeros([H, H]);
  const steps = [];
  for (let t = 0; t < T; t++) {
    const xt = seq.slice([0, t, 0], [H, 1, -1]).reshape([H, -1]);
    const [i, f, g, o] = tf.split(xt.matMul(p.kernel).add(h.matMul(p.recurrentKernel)).add(p.bias), 4, 1);
    const si = i.sigmoid(), sf = f.sigmoid(), tg = g.tanh(), so = o.sigmoid();
    const cPrev = c;
    c = sf.mul(cPrev).add(si.mul(tg));
    h = so.mul(c.tanh());
    steps.push({ si, sf, tg, so, cPrev, c });
  }
  const out = new Array<number>(T);
  let dcNext: tf.Tensor = tf.zeros([H, H]);
  for (let t = T - 1; t >= 0; t--) {
    const { si, sf, tg, so, cPrev, c } = steps[t];
    const dh = t === T - 1 ? tf.eye(H) : tf.zeros([H, H]); // dh from step t+1 is dropped
    const th = c.tanh();
    const dc = dcNext.add(dh.mul(so).mul(tf.sub(1, th.square())));
    const dz = tf.concat(
      [dc.mul(tg).mul(si.mul(tf.sub(1, si))), dc.mul(cPrev).mul(sf.mul(tf.sub(1, sf))), dc.mul(si).mul(tf.sub(1, tg.square())), dh.mul(th).mul(so.mul(tf.sub(1, so)))],
      1,
    );
    out[t] = tf.norm(dz.matMul(p.kernel.transpose())).dataSync()[0];
    dcNext = dc.mul(sf);
  }
  return tf.tensor1d(out);
}
