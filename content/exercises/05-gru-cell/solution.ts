// Model answer of exercise 05-gru-cell: a GRU step (reset_after convention, gate order z, r, h̃) and the loop over time.
import * as tf from '@tensorflow/tfjs';
import type { GruForwardResult, GruParams } from './types';

/** One GRU step: x [B, I], hPrev [B, H] → h [B, H]. */
export function gruCellStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, p: GruParams): tf.Tensor2D {
  return tf.tidy(() => {
    const [inputBias, recurrentBias] = tf.unstack(p.bias) as tf.Tensor1D[]; // [3H] each
    const fromInput = tf.add(tf.matMul(x, p.kernel), inputBias); // [B, 3H]
    const fromState = tf.add(tf.matMul(hPrev, p.recurrentKernel), recurrentBias); // [B, 3H]
    const [az, ar, ah] = tf.split(fromInput, 3, 1) as tf.Tensor2D[]; // [B, H] each
    const [bz, br, bh] = tf.split(fromState, 3, 1) as tf.Tensor2D[]; // [B, H] each
    const z = tf.sigmoid(tf.add(az, bz)); // [B, H] update gate: how much of hPrev to keep
    const r = tf.sigmoid(tf.add(ar, br)); // [B, H] reset gate
    const hTilde = tf.tanh(tf.add(ah, tf.mul(r, bh))); // [B, H] r scales the whole recurrent term, bias included
    return tf.add(tf.mul(z, hPrev), tf.mul(tf.sub(1, z), hTilde)) as tf.Tensor2D; // [B, H]
  });
}

/** The GRU over x [B, T, I] from h0 [B, H]: every h_t [B, T, H] and the last one [B, H]. */
export function gruForward(x: tf.Tensor3D, p: GruParams, h0: tf.Tensor2D): GruForwardResult {
  const steps = tf.unstack(x, 1) as tf.Tensor2D[]; // T × [B, I]
  const hs: tf.Tensor2D[] = [];
  let h = h0; // [B, H]
  for (const xt of steps) {
    h = gruCellStep(xt, h, p); // [B, H]
    hs.push(h);
  }
  return { hSeq: tf.stack(hs, 1) as tf.Tensor3D, hT: h }; // [B, T, H], [B, H]
}
