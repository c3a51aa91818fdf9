// Deliberately wrong (content:check): the source sheet's loop, where recurrentKernel never multiplies h.
import * as tf from '@tensorflow/tfjs';
import type { LstmForwardResult, LstmInitialState, LstmParams, LstmStepCache } from '../types';

export function lstmForward(x: tf.Tensor3D, p: LstmParams, init: LstmInitialState | null): LstmForwardResult {
  const [B] = x.shape;
  const H = p.recurrentKernel.shape[0];
  let h: tf.Tensor2D = init ? init.h0 : tf.zeros([B, H]); // [B, H]
  let c: tf.Tensor2D = init ? init.c0 : tf.zeros([B, H]); // [B, H]
  const steps: LstmStepCache[] = [];
  const hs: tf.Tensor2D[] = [];
  tf.unstack(x, 1).forEach((step) => {
    const xt = step as tf.Tensor2D; // [B, I]
    const z = tf.add(tf.matMul(xt, p.kernel), p.bias); // [B, 4H] wrong: + h·recurrentKernel is missing
    const [zi, zf, zg, zo] = tf.split(z, 4, 1) as tf.Tensor2D[]; // [B, H] each
    const [i, f, g, o] = [tf.sigmoid(zi), tf.sigmoid(zf), tf.tanh(zg), tf.sigmoid(zo)]; // [B, H] each
    const cNew = tf.add(tf.mul(f, c), tf.mul(i, g)) as tf.Tensor2D; // [B, H]
    const tanhC = tf.tanh(cNew); // [B, H]
    const hNew = tf.mul(o, tanhC) as tf.Tensor2D; // [B, H]
    steps.push({ x: xt, hPrev: h, cPrev: c, i, f, g, o, c: cNew, tanhC });
    [h, c] = [hNew, cNew];
    hs.push(h);
  });
  return { hSeq: tf.stack(hs, 1) as tf.Tensor3D, hT: h, cT: c, cache: { params: p, steps } };
}
