// Model answer of exercise 06-gradient-flow: own forward and backward passes, H copies seeded with e_k give ∂h_T/∂x_t row by row.
import * as tf from '@tensorflow/tfjs';
import type { LstmParams, RnnParams } from './types';

/**
 * The sequence x [1, T, I] copied H times, one copy per row of the Jacobian: T steps of [H, I].
 * Backpropagating dh_T = e_k through copy k gives row k of ∂h_T/∂x_t in row k of dx_t.
 */
function copiesPerStep(x: tf.Tensor3D, H: number): tf.Tensor2D[] {
  return tf.unstack(tf.tile(x, [H, 1, 1]), 1) as tf.Tensor2D[]; // T × [H, I]
}

/** Frobenius norm of one Jacobian [H, I]. */
function frobenius(jacobian: tf.Tensor2D): tf.Scalar {
  return tf.sqrt(tf.sum(tf.square(jacobian))) as tf.Scalar; // []
}

/** ‖∂h_T/∂x_t‖_F for t = 0 … T−1 of a tanh RNN run from h_0 = 0 over one sequence x [1, T, I] → [T]. */
export function rnnGradientNorms(x: tf.Tensor3D, p: RnnParams): tf.Tensor1D {
  return tf.tidy(() => {
    const H = p.recurrentKernel.shape[0];
    const xs = copiesPerStep(x, H); // T × [H, I]
    // Forward, keeping every h_t.
    let h = tf.zeros([H, H]) as tf.Tensor2D; // [copies, H]
    const hs: tf.Tensor2D[] = [];
    for (const xt of xs) {
      h = tf.tanh(tf.add(tf.add(tf.matMul(xt, p.kernel), tf.matMul(h, p.recurrentKernel)), p.bias)) as tf.Tensor2D; // [copies, H]
      hs.push(h);
    }
    // Backward from dh_T = identity: copy k carries ∂h_T[k]/∂h_t.
    let dh = tf.eye(H) as tf.Tensor2D; // [copies, H]
    const norms: tf.Scalar[] = new Array(xs.length);
    for (let t = xs.length - 1; t >= 0; t--) {
      const da = tf.mul(dh, tf.sub(1, tf.square(hs[t]))); // [copies, H] through tanh
      norms[t] = frobenius(tf.matMul(da, p.kernel, false, true)); // dx_t [copies, I]
      dh = tf.matMul(da, p.recurrentKernel, false, true); // [copies, H] on to h_{t-1}
    }
    return tf.stack(norms) as tf.Tensor1D; // [T]
  });
}

/** ‖∂h_T/∂x_t‖_F for t = 0 … T−1 of an LSTM run from h_0 = c_0 = 0 over one sequence x [1, T, I] → [T]. */
export function lstmGradientNorms(x: tf.Tensor3D, p: LstmParams): tf.Tensor1D {
  return tf.tidy(() => {
    const H = p.recurrentKernel.shape[0];
    const xs = copiesPerStep(x, H); // T × [H, I]
    // Forward, keeping what the backward pass needs.
    let h = tf.zeros([H, H]) as tf.Tensor2D; // [copies, H]
    let c = tf.zeros([H, H]) as tf.Tensor2D; // [copies, H]
    const cache = xs.map((xt) => {
      const z = tf.add(tf.add(tf.matMul(xt, p.kernel), tf.matMul(h, p.recurrentKernel)), p.bias); // [copies, 4H]
      const [zi, zf, zg, zo] = tf.split(z, 4, 1); // [copies, H] each
      const [i, f, g, o] = [tf.sigmoid(zi), tf.sigmoid(zf), tf.tanh(zg), tf.sigmoid(zo)]; // [copies, H] each
      const cPrev = c;
      c = tf.add(tf.mul(f, cPrev), tf.mul(i, g)); // [copies, H]
      const tanhC = tf.tanh(c); // [copies, H]
      h = tf.mul(o, tanhC); // [copies, H]
      return { i, f, g, o, cPrev, tanhC };
    });
    // Backward from dh_T = identity, dc_T = 0; both dh and dc are carried back through time.
    let dh = tf.eye(H) as tf.Tensor2D; // [copies, H]
    let dc = tf.zeros([H, H]) as tf.Tensor2D; // [copies, H]
    const norms: tf.Scalar[] = new Array(xs.length);
    const sigmoidSlope = (a: tf.Tensor) => tf.mul(a, tf.sub(1, a)); // σ' from σ
    for (let t = xs.length - 1; t >= 0; t--) {
      const { i, f, g, o, cPrev, tanhC } = cache[t];
      dc = tf.add(dc, tf.mul(tf.mul(dh, o), tf.sub(1, tf.square(tanhC)))); // [copies, H]
      const dzi = tf.mul(tf.mul(dc, g), sigmoidSlope(i)); // [copies, H]
      const dzf = tf.mul(tf.mul(dc, cPrev), sigmoidSlope(f)); // [copies, H]
      const dzg = tf.mul(tf.mul(dc, i), tf.sub(1, tf.square(g))); // [copies, H]
      const dzo = tf.mul(tf.mul(dh, tanhC), sigmoidSlope(o)); // [copies, H]
      const dz = tf.concat([dzi, dzf, dzg, dzo], 1); // [copies, 4H]
      norms[t] = frobenius(tf.matMul(dz, p.kernel, false, true)); // dx_t [copies, I]
      dh = tf.matMul(dz, p.recurrentKernel, false, true); // [copies, H] on to h_{t-1}
      dc = tf.mul(dc, f); // [copies, H] on to c_{t-1}
    }
    return tf.stack(norms) as tf.Tensor1D; // [T]
  });
}
