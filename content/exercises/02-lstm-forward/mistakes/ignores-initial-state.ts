// Deliberately wrong (content:check): the loop always starts from zeros, whatever init says.
import * as tf from '@tensorflow/tfjs';
import type { LstmForwardResult, LstmInitialState, LstmParams, LstmStepCache } from '../types';

export function lstmForward(x: tf.Tensor3D, p: LstmParams, init: LstmInitialState | null): LstmForwardResult {
  void init;
  const [B, T, I] = x.shape;
  const H = p.bias.shape[0] / 4;
  let h = tf.zeros([B, H]) as tf.Tensor2D; // [B, H] wrong: init.h0 ignored
  let c = tf.zeros([B, H]) as tf.Tensor2D; // [B, H] wrong: init.c0 ignored
  const steps: LstmStepCache[] = [];
  const hs: tf.Tensor2D[] = [];
  for (let t = 0; t < T; t++) {
    const xt = x.slice([0, t, 0], [B, 1, I]).reshape([B, I]) as tf.Tensor2D; // [B, I]
    const z = xt.matMul(p.kernel).add(h.matMul(p.recurrentKernel)).add(p.bias) as tf.Tensor2D; // [B, 4H]
    const [i, f, o] = [0, 1, 3].map((k) => z.slice([0, k * H], [B, H]).sigmoid() as tf.Tensor2D); // [B, H] each
    const g = z.slice([0, 2 * H], [B, H]).tanh() as tf.Tensor2D; // [B, H]
    const cNew = f.mul(c).add(i.mul(g)) as tf.Tensor2D; // [B, H]
    const tanhC = cNew.tanh() as tf.Tensor2D; // [B, H]
    const hNew = o.mul(tanhC) as tf.Tensor2D; // [B, H]
    steps.push({ x: xt, hPrev: h, cPrev: c, i, f, g, o, c: cNew, tanhC });
    hs.push(hNew);
    h = hNew;
    c = cNew;
  }
  return { hSeq: tf.stack(hs, 1) as tf.Tensor3D, hT: h, cT: c, cache: { params: p, steps } };
}
