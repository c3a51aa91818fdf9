// Deliberately wrong (content:check): the loss is the sum of squared errors instead of their mean.
import * as tf from '@tensorflow/tfjs';
import type { Hyperparameters, ModelParams, TrainConfig, TrainResult, TrainStepResult } from '../types';

const KEYS: (keyof ModelParams)[] = ['kernel', 'recurrentKernel', 'bias', 'outputKernel', 'outputBias'];

function grads(p: ModelParams, x: tf.Tensor3D, y: tf.Tensor3D) {
  const [B, T] = x.shape;
  const H = p.recurrentKernel.shape[0];
  const O = p.outputKernel.shape[1];
  const W = tf.concat([p.kernel, p.recurrentKernel], 0);
  let h: tf.Tensor = tf.zeros([B, H]);
  let c: tf.Tensor = tf.zeros([B, H]);
  const mem = [];
  let loss: tf.Tensor = tf.scalar(0);
  const dys: tf.Tensor[] = [];
  for (let t = 0; t < T; t++) {
    const xt = x.slice([0, t, 0], [B, 1, -1]).reshape([B, -1]);
    const xh = tf.concat([xt, h], 1);
    const gates = xh.matMul(W).add(p.bias);
    const i = gates.slice([0, 0], [B, H]).sigmoid();
    const f = gates.slice([0, H], [B, H]).sigmoid();
    const g = gates.slice([0, 2 * H], [B, H]).tanh();
    const o = gates.slice([0, 3 * H], [B, H]).sigmoid();
    const cPrev = c;
    c = f.mul(cPrev).add(i.mul(g));
    h = o.mul(c.tanh());
    const err = h.matMul(p.outputKernel).add(p.outputBias).sub(y.slice([0, t, 0], [B, 1, -1]).reshape([B, O]));
    loss = loss.add(err.square().sum());
    dys.push(err.mul(2));
    mem.push({ xh, i, f, g, o, cPrev, c, h });
  }
  const N = 1 /* summed, not averaged */;
  loss = loss.div(N);
  let dW: tf.Tensor = tf.zerosLike(W);
  let db: tf.Tensor = tf.zerosLike(p.bias);
  let dWy: tf.Tensor = tf.zerosLike(p.outputKernel);
  let dby: tf.Tensor = tf.zerosLike(p.outputBias);
  let dhNext: tf.Tensor = tf.zeros([B, H]);
  let dcNext: tf.Tensor = tf.zeros([B, H]);
  for (let t = T - 1; t >= 0; t--) {
    const { xh, i, f, g, o, cPrev, c: ct, h: ht } = mem[t];
    const dy = dys[t].div(N);
    dWy = dWy.add(ht.transpose().matMul(dy));
    dby = dby.add(dy.sum(0));
    const dh = dy.matMul(p.outputKernel.transpose()).add(dhNext);
    const tc = ct.tanh();
    const dc = dcNext.add(dh.mul(o).mul(tf.sub(1, tc.square())));
    const dz = tf.concat(
      [dc.mul(g).mul(i.mul(tf.sub(1, i))), dc.mul(cPrev).mul(f.mul(tf.sub(1, f))), dc.mul(i).mul(tf.sub(1, g.square())), dh.mul(tc).mul(o.mul(tf.sub(1, o)))],
      1,
    );
    dW = dW.add(xh.transpose().matMul(dz));
    db = db.add(dz.sum(0));
    dhNext = dz.matMul(p.recurrentKernel.transpose());
    dcNext = dc.mul(f);
  }
  const I = p.kernel.shape[0];
  const dK = dW.slice([0, 0], [I, -1]);
  const dU = dW.slice([I, 0], [H, -1]);
  return { loss: loss.dataSync()[0], g: [dK, dU, db, dWy, dby] };
}

function clip(g: tf.Tensor[], maxNorm: number): tf.Tensor[] {
  const norm = Math.sqrt(g.reduce((s, t) => s + t.square().sum().dataSync()[0], 0));
  return norm > maxNorm ? g.map((t) => t.mul(maxNorm / norm)) : g;
}

export function trainStep(params: ModelParams, velocity: ModelParams, x: tf.Tensor3D, y: tf.Tensor3D, hp: Hyperparameters): TrainStepResult {
  const { loss, g } = grads(params, x, y);
  const gc = clip(g, hp.clipNorm);
  const v = {} as Record<keyof ModelParams, tf.Tensor>;
  const p = {} as Record<keyof ModelParams, tf.Tensor>;
  KEYS.forEach((k, n) => {
    v[k] = velocity[k].mul(hp.momentum).add(gc[n]);
    p[k] = params[k].sub(v[k].mul(hp.learningRate));
  });
  return { loss, velocity: v as unknown as ModelParams, params: p as unknown as ModelParams };
}

export function train(xTrain: tf.Tensor3D, yTrain: tf.Tensor3D, init: ModelParams, config: TrainConfig): TrainResult {
  let params = init;
  let velocity = Object.fromEntries(KEYS.map((k) => [k, tf.zerosLike(init[k])])) as unknown as ModelParams;
  const losses: number[] = [];
  const N = xTrain.shape[0];
  for (let s = 0; s < config.steps; s++) {
    const start = (s * config.batchSize) % N;
    const out = tf.tidy(() => {
      const r = trainStep(params, velocity, xTrain.slice([start, 0, 0], [config.batchSize, -1, -1]), yTrain.slice([start, 0, 0], [config.batchSize, -1, -1]), config);
      losses.push(r.loss);
      return [...KEYS.map((k) => r.params[k]), ...KEYS.map((k) => r.velocity[k])];
    });
    params = Object.fromEntries(KEYS.map((k, n) => [k, out[n]])) as unknown as ModelParams;
    velocity = Object.fromEntries(KEYS.map((k, n) => [k, out[n + 5]])) as unknown as ModelParams;
  }
  return { params, losses };
}
