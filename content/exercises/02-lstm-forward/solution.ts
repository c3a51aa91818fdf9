// Model answer of exercise 02: the one-step update in a time loop that carries (h, c) and records the cache.
import * as tf from '@tensorflow/tfjs';
import type { LstmForwardResult, LstmInitialState, LstmParams, LstmStepCache } from './types';

/**
 * Runs the LSTM over x [B, T, I] from `init` (null: h0 = c0 = 0).
 * p.kernel [I, 4H], p.recurrentKernel [H, 4H], p.bias [4H] (gate order i, f, g, o).
 * Returns hSeq [B, T, H], hT [B, H], cT [B, H] and the cache { params, steps } of every step.
 */
export function lstmForward(x: tf.Tensor3D, p: LstmParams, init: LstmInitialState | null): LstmForwardResult {
  const [B, T] = x.shape;
  const H = p.recurrentKernel.shape[0];
  const inputs = tf.unstack(x, 1) as tf.Tensor2D[]; // T × [B, I]
  let h: tf.Tensor2D = init ? init.h0 : tf.zeros([B, H]); // [B, H] h_0
  let c: tf.Tensor2D = init ? init.c0 : tf.zeros([B, H]); // [B, H] c_0
  const steps: LstmStepCache[] = [];
  const hs: tf.Tensor2D[] = [];
  for (let t = 0; t < T; t++) {
    const xt = inputs[t]; // [B, I]
    const z = tf.add(tf.add(tf.matMul(xt, p.kernel), tf.matMul(h, p.recurrentKernel)), p.bias); // [B, 4H]
    const [zi, zf, zg, zo] = tf.split(z, 4, 1) as tf.Tensor2D[]; // [B, H] each, order i, f, g, o
    const i = tf.sigmoid(zi); // [B, H]
    const f = tf.sigmoid(zf); // [B, H]
    const g = tf.tanh(zg); // [B, H]
    const o = tf.sigmoid(zo); // [B, H]
    const cNext = tf.add(tf.mul(f, c), tf.mul(i, g)) as tf.Tensor2D; // [B, H] c_t = f ⊙ c_{t-1} + i ⊙ g
    const tanhC = tf.tanh(cNext); // [B, H]
    const hNext = tf.mul(o, tanhC) as tf.Tensor2D; // [B, H] h_t = o ⊙ tanh(c_t)
    steps.push({ x: xt, hPrev: h, cPrev: c, i, f, g, o, c: cNext, tanhC });
    // Carry both states to the next step.
    h = hNext;
    c = cNext;
    hs.push(h);
  }
  const hSeq = tf.stack(hs, 1) as tf.Tensor3D; // [B, T, H]
  return { hSeq, hT: h, cT: c, cache: { params: p, steps } };
}
