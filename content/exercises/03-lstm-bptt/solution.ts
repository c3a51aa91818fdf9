// Model answer of exercise 03: one backward step per time step, from the last to the first, carrying dh and dc.
import * as tf from '@tensorflow/tfjs';
import type { LstmCache, LstmGradients } from './types';

/**
 * BPTT through the forward pass recorded in `cache` (T steps, batch B, hidden size H).
 * dhSeq [B, T, H]: ∂L/∂h_t read directly by the loss at every step; dhT, dcT [B, H]: extra gradient
 * flowing into the final h_T and c_T (null: none).
 * Returns dKernel [I, 4H], dRecurrentKernel [H, 4H], dBias [4H], dx [B, T, I], dh0 [B, H], dc0 [B, H]
 * and dGates { i, f, g, o }, each [B, T, H].
 */
export function lstmBackward(
  cache: LstmCache,
  dhSeq: tf.Tensor3D,
  dhT: tf.Tensor2D | null,
  dcT: tf.Tensor2D | null,
): LstmGradients {
  const { params, steps } = cache;
  const T = steps.length;
  const [B, H] = steps[0].hPrev.shape;
  const dhFromLoss = tf.unstack(dhSeq, 1) as tf.Tensor2D[]; // T × [B, H]

  // What flows back into step t from step t + 1 (at the last step: the gradients of h_T and c_T).
  let dhNext: tf.Tensor2D = dhT ?? tf.zeros([B, H]); // [B, H]
  let dcNext: tf.Tensor2D = dcT ?? tf.zeros([B, H]); // [B, H]
  let dKernel = tf.zerosLike(params.kernel) as tf.Tensor2D; // [I, 4H]
  let dRecurrentKernel = tf.zerosLike(params.recurrentKernel) as tf.Tensor2D; // [H, 4H]
  let dBias = tf.zerosLike(params.bias) as tf.Tensor1D; // [4H]
  const dxs: tf.Tensor2D[] = new Array(T); // T × [B, I]
  const dzs: tf.Tensor2D[][] = new Array(T); // T × [dzi, dzf, dzg, dzo], each [B, H]

  for (let t = T - 1; t >= 0; t--) {
    const { x, hPrev, cPrev, i, f, g, o, tanhC } = steps[t];
    // h_t is read by the loss at step t and by step t + 1.
    const dh = tf.add(dhFromLoss[t], dhNext); // [B, H]
    // c_t reaches the loss through h_t = o ⊙ tanh(c_t) and through c_{t+1} = f_{t+1} ⊙ c_t + ….
    const dc = tf.add(dcNext, tf.mul(tf.mul(dh, o), tf.sub(1, tf.square(tanhC)))); // [B, H]
    // Back through each activation: σ'(z) = σ(1 − σ), tanh'(z) = 1 − tanh².
    const dzi = tf.mul(tf.mul(dc, g), tf.mul(i, tf.sub(1, i))); // [B, H]
    const dzf = tf.mul(tf.mul(dc, cPrev), tf.mul(f, tf.sub(1, f))); // [B, H]
    const dzg = tf.mul(tf.mul(dc, i), tf.sub(1, tf.square(g))); // [B, H]
    const dzo = tf.mul(tf.mul(dh, tanhC), tf.mul(o, tf.sub(1, o))); // [B, H]
    const dz = tf.concat([dzi, dzf, dzg, dzo], 1) as tf.Tensor2D; // [B, 4H], same block order as the weights
    dzs[t] = [dzi, dzf, dzg, dzo] as tf.Tensor2D[];

    // z_t = x_t·W + h_{t-1}·U + b: the same weights at every step, so their gradients add up over time.
    dKernel = tf.add(dKernel, tf.matMul(x, dz, true, false)); // [I, 4H] += x_tᵀ·dz
    dRecurrentKernel = tf.add(dRecurrentKernel, tf.matMul(hPrev, dz, true, false)); // [H, 4H] += h_{t-1}ᵀ·dz
    dBias = tf.add(dBias, tf.sum(dz, 0)); // [4H] += Σ over the batch
    dxs[t] = tf.matMul(dz, params.kernel, false, true) as tf.Tensor2D; // [B, I] = dz·Wᵀ

    // Carried to step t − 1.
    dhNext = tf.matMul(dz, params.recurrentKernel, false, true) as tf.Tensor2D; // [B, H] = dz·Uᵀ
    dcNext = tf.mul(dc, f) as tf.Tensor2D; // [B, H]
  }

  const overTime = (k: number) => tf.stack(dzs.map((d) => d[k]), 1) as tf.Tensor3D; // [B, T, H]
  return {
    dKernel,
    dRecurrentKernel,
    dBias,
    dx: tf.stack(dxs, 1) as tf.Tensor3D, // [B, T, I]
    dh0: dhNext, // [B, H]
    dc0: dcNext, // [B, H]
    dGates: { i: overTime(0), f: overTime(1), g: overTime(2), o: overTime(3) },
  };
}
