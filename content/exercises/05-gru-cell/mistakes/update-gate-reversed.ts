// Deliberately wrong (content:check): the update gate keeps the candidate instead of the previous state.
import * as tf from '@tensorflow/tfjs';
import type { GruForwardResult, GruParams } from '../types';

export function gruCellStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, p: GruParams): tf.Tensor2D {
  const H = hPrev.shape[1];
  const gx = x.matMul(p.kernel).add(p.bias.slice([0, 0], [1, 3 * H]).reshape([3 * H])); // [B, 3H]
  const gh = hPrev.matMul(p.recurrentKernel).add(p.bias.slice([1, 0], [1, 3 * H]).reshape([3 * H])); // [B, 3H]
  const z = gx.slice([0, 0], [-1, H]).add(gh.slice([0, 0], [-1, H])).sigmoid();
  const r = gx.slice([0, H], [-1, H]).add(gh.slice([0, H], [-1, H])).sigmoid();
  const n = gx.slice([0, 2 * H], [-1, H]).add(r.mul(gh.slice([0, 2 * H], [-1, H]))).tanh();
  return tf.sub(1, z).mul(hPrev).add(z.mul(n)) as tf.Tensor2D; // (1 − z)·hPrev + z·n: the wrong way round
}

export function gruForward(x: tf.Tensor3D, p: GruParams, h0: tf.Tensor2D): GruForwardResult {
  let h = h0;
  const hs: tf.Tensor2D[] = [];
  for (let t = 0; t < x.shape[1]; t++) {
    h = gruCellStep(x.slice([0, t, 0], [-1, 1, -1]).squeeze([1]) as tf.Tensor2D, h, p);
    hs.push(h);
  }
  return { hSeq: tf.stack(hs, 1) as tf.Tensor3D, hT: h };
}
