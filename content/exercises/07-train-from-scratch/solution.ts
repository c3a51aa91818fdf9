// Model answer of exercise 07-train-from-scratch: own LSTM forward, MSE, BPTT, global-norm clipping and SGD with momentum.
import * as tf from '@tensorflow/tfjs';
import type { Hyperparameters, ModelParams, TrainConfig, TrainResult, TrainStepResult } from './types';

/** Parameter names in one fixed order, so parameters, gradients and velocities line up as lists. */
const NAMES = ['kernel', 'recurrentKernel', 'bias', 'outputKernel', 'outputBias'] as const;

const toList = (p: ModelParams): tf.Tensor[] => NAMES.map((name) => p[name]);
const fromList = (list: tf.Tensor[]): ModelParams => ({
  kernel: list[0] as tf.Tensor2D,
  recurrentKernel: list[1] as tf.Tensor2D,
  bias: list[2] as tf.Tensor1D,
  outputKernel: list[3] as tf.Tensor2D,
  outputBias: list[4] as tf.Tensor1D,
});

/** σ'(z) from a = σ(z). */
const sigmoidSlope = (a: tf.Tensor) => tf.mul(a, tf.sub(1, a));

/** Loss and the gradient of every parameter (same order as NAMES) for one batch. Call inside tf.tidy. */
function lossAndGradients(p: ModelParams, x: tf.Tensor3D, y: tf.Tensor3D): { loss: tf.Scalar; grads: tf.Tensor[] } {
  const [B, T] = x.shape;
  const H = p.recurrentKernel.shape[0];
  const O = p.outputKernel.shape[1];
  const xs = tf.unstack(x, 1) as tf.Tensor2D[]; // T × [B, I]
  const ys = tf.unstack(y, 1) as tf.Tensor2D[]; // T × [B, O]

  // Forward: LSTM from zero states, dense read-out on every step.
  let h = tf.zeros([B, H]) as tf.Tensor2D; // [B, H]
  let c = tf.zeros([B, H]) as tf.Tensor2D; // [B, H]
  const steps = xs.map((xt) => {
    const hPrev = h;
    const cPrev = c;
    const z = tf.add(tf.add(tf.matMul(xt, p.kernel), tf.matMul(hPrev, p.recurrentKernel)), p.bias); // [B, 4H]
    const [zi, zf, zg, zo] = tf.split(z, 4, 1); // [B, H] each
    const [i, f, g, o] = [tf.sigmoid(zi), tf.sigmoid(zf), tf.tanh(zg), tf.sigmoid(zo)]; // [B, H] each
    c = tf.add(tf.mul(f, cPrev), tf.mul(i, g)); // [B, H]
    const tanhC = tf.tanh(c); // [B, H]
    h = tf.mul(o, tanhC); // [B, H]
    const yHat = tf.add(tf.matMul(h, p.outputKernel), p.outputBias); // [B, O]
    return { xt, hPrev, cPrev, i, f, g, o, tanhC, h, yHat };
  });

  // MSE over every element of y: L = Σ (ŷ − y)² / (B·T·O), so ∂L/∂ŷ = 2 (ŷ − y) / (B·T·O).
  const count = B * T * O;
  const errors = steps.map((s, t) => tf.sub(s.yHat, ys[t])); // T × [B, O]
  const loss = tf.div(tf.addN(errors.map((e) => tf.sum(tf.square(e)))), count) as tf.Scalar; // []
  const dYHat = errors.map((e) => tf.mul(e, 2 / count)); // T × [B, O]

  // Backward through the read-out and through time, carrying dh and dc.
  let dKernel = tf.zerosLike(p.kernel); // [I, 4H]
  let dRecurrentKernel = tf.zerosLike(p.recurrentKernel); // [H, 4H]
  let dBias = tf.zerosLike(p.bias); // [4H]
  let dOutputKernel = tf.zerosLike(p.outputKernel); // [H, O]
  let dOutputBias = tf.zerosLike(p.outputBias); // [O]
  let dhNext = tf.zeros([B, H]); // [B, H]
  let dcNext = tf.zeros([B, H]); // [B, H]
  for (let t = T - 1; t >= 0; t--) {
    const s = steps[t];
    dOutputKernel = tf.add(dOutputKernel, tf.matMul(s.h, dYHat[t], true, false)); // [H, O]
    dOutputBias = tf.add(dOutputBias, tf.sum(dYHat[t], 0)); // [O]
    const dh = tf.add(tf.matMul(dYHat[t], p.outputKernel, false, true), dhNext); // [B, H]
    const dc = tf.add(dcNext, tf.mul(tf.mul(dh, s.o), tf.sub(1, tf.square(s.tanhC)))); // [B, H]
    const dz = tf.concat(
      [
        tf.mul(tf.mul(dc, s.g), sigmoidSlope(s.i)), // [B, H] input gate
        tf.mul(tf.mul(dc, s.cPrev), sigmoidSlope(s.f)), // [B, H] forget gate: c_{t-1}, not c_t
        tf.mul(tf.mul(dc, s.i), tf.sub(1, tf.square(s.g))), // [B, H] candidate
        tf.mul(tf.mul(dh, s.tanhC), sigmoidSlope(s.o)), // [B, H] output gate
      ],
      1,
    ); // [B, 4H]
    dKernel = tf.add(dKernel, tf.matMul(s.xt, dz, true, false)); // [I, 4H]
    dRecurrentKernel = tf.add(dRecurrentKernel, tf.matMul(s.hPrev, dz, true, false)); // [H, 4H]
    dBias = tf.add(dBias, tf.sum(dz, 0)); // [4H]
    dhNext = tf.matMul(dz, p.recurrentKernel, false, true); // [B, H]
    dcNext = tf.mul(dc, s.f); // [B, H]
  }
  return { loss, grads: [dKernel, dRecurrentKernel, dBias, dOutputKernel, dOutputBias] };
}

/** One step of SGD with momentum on the MSE of a batch x [B, T, I] → y [B, T, O], with global-norm clipping. */
export function trainStep(params: ModelParams, velocity: ModelParams, x: tf.Tensor3D, y: tf.Tensor3D, hp: Hyperparameters): TrainStepResult {
  let loss = 0;
  const updated = tf.tidy((): tf.Tensor[] => {
    const result = lossAndGradients(params, x, y);
    loss = result.loss.dataSync()[0];
    // Global-norm clipping: one factor for every gradient keeps the update's direction.
    const globalNorm = Math.sqrt(tf.addN(result.grads.map((g) => tf.sum(tf.square(g)))).dataSync()[0]);
    const scale = hp.clipNorm / Math.max(globalNorm, hp.clipNorm);
    const v = toList(velocity).map((vk, k) => tf.add(tf.mul(vk, hp.momentum), tf.mul(result.grads[k], scale))); // v ← μ·v + g
    const theta = toList(params).map((pk, k) => tf.sub(pk, tf.mul(v[k], hp.learningRate))); // θ ← θ − η·v
    return [...v, ...theta];
  });
  return { loss, velocity: fromList(updated.slice(0, 5)), params: fromList(updated.slice(5)) };
}

/** `config.steps` calls of trainStep from `init` and zero velocity; batch s is rows (s·B mod N) … + B − 1. */
export function train(xTrain: tf.Tensor3D, yTrain: tf.Tensor3D, init: ModelParams, config: TrainConfig): TrainResult {
  const [N, T, I] = xTrain.shape;
  const O = yTrain.shape[2];
  const B = config.batchSize;
  let params = init;
  let velocity = fromList(toList(init).map((p) => tf.zerosLike(p)));
  const losses: number[] = [];
  for (let s = 0; s < config.steps; s++) {
    const start = (s * B) % N;
    const x = tf.slice(xTrain, [start, 0, 0], [B, T, I]); // [B, T, I]
    const y = tf.slice(yTrain, [start, 0, 0], [B, T, O]); // [B, T, O]
    const next = trainStep(params, velocity, x, y, config);
    // Free the previous step's tensors (never the caller's initial weights).
    if (params !== init) tf.dispose(toList(params));
    tf.dispose([...toList(velocity), x, y]);
    params = next.params;
    velocity = next.velocity;
    losses.push(next.loss);
  }
  tf.dispose(toList(velocity));
  return { params, losses };
}
