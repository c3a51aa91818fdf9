// Deliberately wrong (content:check): each step's dc starts afresh instead of adding dc_{t+1} ⊙ f_{t+1}.
import * as tf from '@tensorflow/tfjs';
import type { LstmCache, LstmGradients } from '../types';

export function lstmBackward(cache: LstmCache, dhSeq: tf.Tensor3D, dhT: tf.Tensor2D | null, dcT: tf.Tensor2D | null): LstmGradients {
  void dcT;
  const { params, steps } = cache;
  const T = steps.length;
  const [B, H] = steps[0].hPrev.shape;
  const W = params.kernel;
  const U = params.recurrentKernel;
  let dhCarry: tf.Tensor = dhT ?? tf.zeros([B, H]); // [B, H]
  let dcCarry = tf.zeros([B, H]); // [B, H]
  let dW = tf.zerosLike(W); // [I, 4H]
  let dU = tf.zerosLike(U); // [H, 4H]
  let db = tf.zerosLike(params.bias); // [4H]
  const dx: tf.Tensor[] = [];
  const gi: tf.Tensor[] = [];
  const gf: tf.Tensor[] = [];
  const gg: tf.Tensor[] = [];
  const go: tf.Tensor[] = [];
  for (let t = T - 1; t >= 0; t--) {
    const s = steps[t];
    const dh = dhSeq.slice([0, t, 0], [B, 1, H]).reshape([B, H]).add(dhCarry); // [B, H]
    const dc = dh.mul(s.o).mul(tf.scalar(1).sub(s.tanhC.square())); // [B, H] wrong: + dcCarry is missing
    const dzi = dc.mul(s.g).mul(s.i).mul(tf.scalar(1).sub(s.i)); // [B, H]
    const dzf = dc.mul(s.cPrev).mul(s.f).mul(tf.scalar(1).sub(s.f)); // [B, H]
    const dzg = dc.mul(s.i).mul(tf.scalar(1).sub(s.g.square())); // [B, H]
    const dzo = dh.mul(s.tanhC).mul(s.o).mul(tf.scalar(1).sub(s.o)); // [B, H]
    const dz = tf.concat([dzi, dzf, dzg, dzo], 1); // [B, 4H]
    dW = dW.add(s.x.transpose().matMul(dz)); // [I, 4H]
    dU = dU.add(s.hPrev.transpose().matMul(dz)); // [H, 4H]
    db = db.add(dz.sum(0)); // [4H]
    dx.unshift(dz.matMul(W.transpose())); // [B, I]
    [gi, gf, gg, go].forEach((list, k) => list.unshift([dzi, dzf, dzg, dzo][k]));
    dhCarry = dz.matMul(U.transpose()); // [B, H]
    dcCarry = dc.mul(s.f); // [B, H]
  }
  return {
    dKernel: dW as tf.Tensor2D,
    dRecurrentKernel: dU as tf.Tensor2D,
    dBias: db as tf.Tensor1D,
    dx: tf.stack(dx, 1) as tf.Tensor3D,
    dh0: dhCarry as tf.Tensor2D,
    dc0: dcCarry as tf.Tensor2D,
    dGates: { i: tf.stack(gi, 1) as tf.Tensor3D, f: tf.stack(gf, 1) as tf.Tensor3D, g: tf.stack(gg, 1) as tf.Tensor3D, o: tf.stack(go, 1) as tf.Tensor3D },
  };
}
