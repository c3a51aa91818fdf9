// Deliberately wrong (content:check): dc receives dh ⊙ o, without the derivative of tanh(c).
import * as tf from '@tensorflow/tfjs';
import type { LstmCache, LstmGradients } from '../types';

export function lstmBackward(cache: LstmCache, dhSeq: tf.Tensor3D, dhT: tf.Tensor2D | null, dcT: tf.Tensor2D | null): LstmGradients {
  const { params, steps } = cache;
  const T = steps.length;
  const [B, H] = steps[0].hPrev.shape;
  const dhFromLoss = tf.unstack(dhSeq, 1) as tf.Tensor2D[]; // T × [B, H]
  let dhNext: tf.Tensor2D = dhT ?? tf.zeros([B, H]); // [B, H]
  let dcNext: tf.Tensor2D = dcT ?? tf.zeros([B, H]); // [B, H]
  const dzRows: tf.Tensor2D[] = new Array(T); // T × [B, 4H]
  for (let t = T - 1; t >= 0; t--) {
    const { i, f, g, o, cPrev, tanhC } = steps[t];
    const dh = dhFromLoss[t].add(dhNext); // [B, H]
    const dc = dcNext.add(dh.mul(o)); // [B, H] wrong: the factor 1 − tanh²(c_t) is missing
    const sig = (a: tf.Tensor) => a.mul(tf.sub(1, a)); // σ' from the activation
    const dzf = dc.mul(cPrev).mul(sig(f)); // [B, H]
    dzRows[t] = tf.concat([dc.mul(g).mul(sig(i)), dzf, dc.mul(i).mul(tf.sub(1, g.square())), dh.mul(tanhC).mul(sig(o))], 1) as tf.Tensor2D; // [B, 4H]
    dhNext = tf.matMul(dzRows[t], params.recurrentKernel, false, true) as tf.Tensor2D; // [B, H]
    dcNext = dc.mul(f) as tf.Tensor2D; // [B, H]
  }
  const dz = tf.stack(dzRows, 1) as tf.Tensor3D; // [B, T, 4H]
  const flat = dz.reshape([B * T, 4 * H]) as tf.Tensor2D; // [B·T, 4H]
  const xFlat = tf.stack(steps.map((s) => s.x), 1).reshape([B * T, -1]) as tf.Tensor2D; // [B·T, I]
  const hFlat = tf.stack(steps.map((s) => s.hPrev), 1).reshape([B * T, H]) as tf.Tensor2D; // [B·T, H]
  const [gi, gf, gg, go] = tf.split(dz, 4, 2) as tf.Tensor3D[]; // [B, T, H] each
  return {
    dKernel: tf.matMul(xFlat, flat, true, false) as tf.Tensor2D, // [I, 4H]
    dRecurrentKernel: tf.matMul(hFlat, flat, true, false) as tf.Tensor2D, // [H, 4H]
    dBias: flat.sum(0) as tf.Tensor1D, // [4H]
    dx: tf.matMul(flat, params.kernel, false, true).reshape([B, T, -1]) as tf.Tensor3D, // [B, T, I]
    dh0: dhNext,
    dc0: dcNext,
    dGates: { i: gi, f: gf, g: gg, o: go },
  };
}
