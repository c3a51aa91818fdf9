// Deliberately wrong (content:check): each step records its incoming h, so hSeq is h_0 … h_{T-1}.
import * as tf from '@tensorflow/tfjs';
import type { LstmForwardResult, LstmInitialState, LstmParams, LstmStepCache } from '../types';

export function lstmForward(x: tf.Tensor3D, p: LstmParams, init: LstmInitialState | null): LstmForwardResult {
  const [B, T] = x.shape;
  const H = p.recurrentKernel.shape[0];
  let h: tf.Tensor2D = init ? init.h0 : tf.zeros([B, H]); // [B, H]
  let c: tf.Tensor2D = init ? init.c0 : tf.zeros([B, H]); // [B, H]
  const xs = tf.unstack(x, 1) as tf.Tensor2D[]; // T × [B, I]
  const steps: LstmStepCache[] = [];
  const hs: tf.Tensor2D[] = [];
  for (let t = 0; t < T; t++) {
    hs.push(h); // wrong: stores h_{t-1}, before the update
    const z = tf.add(tf.add(tf.matMul(xs[t], p.kernel), tf.matMul(h, p.recurrentKernel)), p.bias); // [B, 4H]
    const [zi, zf, zg, zo] = tf.split(z, 4, 1) as tf.Tensor2D[]; // [B, H] each
    const i = tf.sigmoid(zi); // [B, H]
    const f = tf.sigmoid(zf); // [B, H]
    const g = tf.tanh(zg); // [B, H]
    const o = tf.sigmoid(zo); // [B, H]
    const cNext = tf.add(tf.mul(f, c), tf.mul(i, g)) as tf.Tensor2D; // [B, H]
    const tanhC = tf.tanh(cNext); // [B, H]
    steps.push({ x: xs[t], hPrev: h, cPrev: c, i, f, g, o, c: cNext, tanhC });
    h = tf.mul(o, tanhC) as tf.Tensor2D; // [B, H]
    c = cNext;
  }
  return { hSeq: tf.stack(hs, 1) as tf.Tensor3D, hT: h, cT: c, cache: { params: p, steps } };
}
