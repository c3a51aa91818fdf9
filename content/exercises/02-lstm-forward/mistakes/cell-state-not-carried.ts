// Deliberately wrong (content:check): h is carried from step to step, but c is never assigned back.
import * as tf from '@tensorflow/tfjs';
import type { LstmForwardResult, LstmInitialState, LstmParams, LstmStepCache } from '../types';

export function lstmForward(x: tf.Tensor3D, p: LstmParams, init: LstmInitialState | null): LstmForwardResult {
  const [B, T] = x.shape;
  const H = p.recurrentKernel.shape[0];
  let h: tf.Tensor2D = init?.h0 ?? tf.zeros([B, H]); // [B, H]
  const c: tf.Tensor2D = init?.c0 ?? tf.zeros([B, H]); // [B, H]
  const xs = tf.unstack(x, 1) as tf.Tensor2D[]; // T × [B, I]
  const steps: LstmStepCache[] = [];
  const hs: tf.Tensor2D[] = [];
  for (let t = 0; t < T; t++) {
    const z = tf.matMul(xs[t], p.kernel).add(tf.matMul(h, p.recurrentKernel)).add(p.bias); // [B, 4H]
    const [zi, zf, zg, zo] = tf.split(z, 4, 1) as tf.Tensor2D[]; // [B, H] each
    const i = tf.sigmoid(zi); // [B, H]
    const f = tf.sigmoid(zf); // [B, H]
    const g = tf.tanh(zg); // [B, H]
    const o = tf.sigmoid(zo); // [B, H]
    const cNext = f.mul(c).add(i.mul(g)) as tf.Tensor2D; // [B, H]
    const tanhC = tf.tanh(cNext); // [B, H]
    const hNext = o.mul(tanhC) as tf.Tensor2D; // [B, H]
    steps.push({ x: xs[t], hPrev: h, cPrev: c, i, f, g, o, c: cNext, tanhC });
    h = hNext; // wrong: c = cNext is missing
    hs.push(h);
  }
  return { hSeq: tf.stack(hs, 1) as tf.Tensor3D, hT: h, cT: c, cache: { params: p, steps } };
}
