// Deliberately wrong (content:check): the loop starts from zeros, dropping the gradients dhT and dcT of the final state.
import * as tf from '@tensorflow/tfjs';
import type { LstmCache, LstmGradients } from '../types';

export function lstmBackward(cache: LstmCache, dhSeq: tf.Tensor3D, dhT: tf.Tensor2D | null, dcT: tf.Tensor2D | null): LstmGradients {
  void dhT;
  void dcT;
  const { kernel, recurrentKernel, bias } = cache.params;
  const T = cache.steps.length;
  const [B, H] = cache.steps[0].hPrev.shape;
  let dhNext = tf.zeros([B, H]); // [B, H] wrong: should start at dhT
  let dcNext = tf.zeros([B, H]); // [B, H] wrong: should start at dcT
  let dKernel = tf.zerosLike(kernel); // [I, 4H]
  let dRecurrentKernel = tf.zerosLike(recurrentKernel); // [H, 4H]
  let dBias = tf.zerosLike(bias); // [4H]
  const dxs: tf.Tensor[] = [];
  const perGate: tf.Tensor[][] = [[], [], [], []];
  for (let t = T - 1; t >= 0; t--) {
    const s = cache.steps[t];
    const dh = tf.add(tf.squeeze(tf.slice(dhSeq, [0, t, 0], [B, 1, H]), [1]), dhNext); // [B, H]
    const dc = tf.add(dcNext, tf.mul(tf.mul(dh, s.o), tf.sub(1, tf.square(s.tanhC)))); // [B, H]
    const blocks = [
      tf.mul(tf.mul(dc, s.g), tf.mul(s.i, tf.sub(1, s.i))), // [B, H] dz_i
      tf.mul(tf.mul(dc, s.cPrev), tf.mul(s.f, tf.sub(1, s.f))), // [B, H] dz_f
      tf.mul(tf.mul(dc, s.i), tf.sub(1, tf.square(s.g))), // [B, H] dz_g
      tf.mul(tf.mul(dh, s.tanhC), tf.mul(s.o, tf.sub(1, s.o))), // [B, H] dz_o
    ];
    blocks.forEach((b, k) => perGate[k].unshift(b));
    const dz = tf.concat(blocks, 1); // [B, 4H]
    dKernel = tf.add(dKernel, tf.matMul(tf.transpose(s.x), dz)); // [I, 4H]
    dRecurrentKernel = tf.add(dRecurrentKernel, tf.matMul(tf.transpose(s.hPrev), dz)); // [H, 4H]
    dBias = tf.add(dBias, tf.sum(dz, 0)); // [4H]
    dxs.unshift(tf.matMul(dz, tf.transpose(kernel))); // [B, I]
    dhNext = tf.matMul(dz, tf.transpose(recurrentKernel)); // [B, H]
    dcNext = tf.mul(dc, s.f); // [B, H]
  }
  const [i, f, g, o] = perGate.map((list) => tf.stack(list, 1) as tf.Tensor3D); // [B, T, H] each
  return {
    dKernel: dKernel as tf.Tensor2D,
    dRecurrentKernel: dRecurrentKernel as tf.Tensor2D,
    dBias: dBias as tf.Tensor1D,
    dx: tf.stack(dxs, 1) as tf.Tensor3D,
    dh0: dhNext as tf.Tensor2D,
    dc0: dcNext as tf.Tensor2D,
    dGates: { i, f, g, o },
  };
}
