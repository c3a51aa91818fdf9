// Deliberately wrong (content:check): dz·Uᵀ is computed at every step but never added to the next step's dh.
import * as tf from '@tensorflow/tfjs';
import type { LstmCache, LstmGradients } from '../types';

export function lstmBackward(cache: LstmCache, dhSeq: tf.Tensor3D, dhT: tf.Tensor2D | null, dcT: tf.Tensor2D | null): LstmGradients {
  void dhT;
  const { params, steps } = cache;
  const T = steps.length;
  const [B, H] = steps[0].hPrev.shape;
  const dhLoss = tf.unstack(dhSeq, 1) as tf.Tensor2D[]; // T × [B, H]
  let dhPrev = tf.zeros([B, H]) as tf.Tensor2D; // [B, H]
  let dcNext = dcT ?? (tf.zeros([B, H]) as tf.Tensor2D); // [B, H]
  const dzPerStep: tf.Tensor2D[] = []; // filled from t = T-1 down
  for (let t = T - 1; t >= 0; t--) {
    const { i, f, g, o, cPrev, tanhC } = steps[t];
    const dh = dhLoss[t]; // [B, H] wrong: + dh carried from step t + 1 is missing
    const dc = dcNext.add(dh.mul(o).mul(tf.sub(1, tanhC.square()))) as tf.Tensor2D; // [B, H]
    const dz = tf.concat(
      [dc.mul(g).mul(i.mul(tf.sub(1, i))), dc.mul(cPrev).mul(f.mul(tf.sub(1, f))), dc.mul(i).mul(tf.sub(1, g.square())), dh.mul(tanhC).mul(o.mul(tf.sub(1, o)))],
      1,
    ) as tf.Tensor2D; // [B, 4H]
    dzPerStep.unshift(dz);
    dhPrev = dz.matMul(params.recurrentKernel.transpose()) as tf.Tensor2D; // [B, H]
    dcNext = dc.mul(f) as tf.Tensor2D; // [B, H]
  }
  const dzAll = tf.stack(dzPerStep, 1) as tf.Tensor3D; // [B, T, 4H]
  const rows = dzAll.reshape([B * T, 4 * H]) as tf.Tensor2D; // [B·T, 4H]
  const xs = tf.stack(steps.map((s) => s.x), 1).reshape([B * T, -1]) as tf.Tensor2D; // [B·T, I]
  const hs = tf.stack(steps.map((s) => s.hPrev), 1).reshape([B * T, H]) as tf.Tensor2D; // [B·T, H]
  const [gi, gf, gg, go] = tf.split(dzAll, 4, 2) as tf.Tensor3D[]; // [B, T, H] each
  return {
    dKernel: xs.transpose().matMul(rows) as tf.Tensor2D, // [I, 4H]
    dRecurrentKernel: hs.transpose().matMul(rows) as tf.Tensor2D, // [H, 4H]
    dBias: rows.sum(0) as tf.Tensor1D, // [4H]
    dx: rows.matMul(params.kernel.transpose()).reshape([B, T, -1]) as tf.Tensor3D, // [B, T, I]
    dh0: dhPrev,
    dc0: dcNext,
    dGates: { i: gi, f: gf, g: gg, o: go },
  };
}
