// Conversion between our (Keras / tf.layers) weight layout and PyTorch's nn.LSTM / nn.GRU layout.
//
// LSTM. PyTorch: gates = x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh, rows of W_ih [4H, I] in order i, f, g, o.
// Ours:          gates = x·kernel + h·recurrentKernel + bias, columns of kernel [I, 4H] in order i, f, g, o.
// So kernel = W_ihᵀ, recurrentKernel = W_hhᵀ, bias = b_ih + b_hh. The two PyTorch biases only ever
// appear as a sum, so going back is not unique: we return b_ih = bias and b_hh = 0.
// For gradients the same transposes apply, and ∂L/∂b_ih = ∂L/∂b_hh = ∂L/∂bias.
//
// GRU (PyTorch nn.GRU = Keras reset_after=true). PyTorch rows of W_ih [3H, I] are in order r, z, n:
//   r = σ(x·W_irᵀ + b_ir + h·W_hrᵀ + b_hr),  z = σ(x·W_izᵀ + b_iz + h·W_hzᵀ + b_hz),
//   n = tanh(x·W_inᵀ + b_in + r ⊙ (h·W_hnᵀ + b_hn)),  h' = (1 − z) ⊙ n + z ⊙ h.
// Ours: columns of kernel [I, 3H] in order z, r, h̃ (h̃ = n), bias [2, 3H] with row 0 = input biases
// and row 1 = recurrent biases. Because b_hn sits inside r ⊙ (…), the biases are NOT summed:
//   kernel = [W_iz; W_ir; W_in]ᵀ, recurrentKernel = [W_hz; W_hr; W_hn]ᵀ,
//   bias = [[b_iz, b_ir, b_in], [b_hz, b_hr, b_hn]].
// This is a permutation and a transpose, so it maps gradients exactly like weights.
import { tf } from '../tfjs';
import { gruSizes, lstmSizes, type GruParams, type LstmParams } from './params';

/** nn.LSTM's weights for one layer and direction (`weight_ih_l0` …). */
export interface PytorchLstmWeights {
  /** [4H, I], gate rows i, f, g, o */
  weightIh: tf.Tensor2D;
  /** [4H, H] */
  weightHh: tf.Tensor2D;
  /** [4H] */
  biasIh: tf.Tensor1D;
  /** [4H] */
  biasHh: tf.Tensor1D;
}

/** nn.GRU's weights for one layer and direction. */
export interface PytorchGruWeights {
  /** [3H, I], gate rows r, z, n */
  weightIh: tf.Tensor2D;
  /** [3H, H] */
  weightHh: tf.Tensor2D;
  /** [3H] */
  biasIh: tf.Tensor1D;
  /** [3H] */
  biasHh: tf.Tensor1D;
}

/** PyTorch nn.LSTM weights → {@link LstmParams} (new tensors). */
export function lstmParamsFromPytorch(w: PytorchLstmWeights): LstmParams {
  return tf.tidy(() => {
    const p = { kernel: tf.transpose(w.weightIh), recurrentKernel: tf.transpose(w.weightHh), bias: w.biasIh.add(w.biasHh) as tf.Tensor1D };
    lstmSizes(p);
    return p;
  });
}

/** {@link LstmParams} → PyTorch nn.LSTM weights, with the whole bias in `biasIh` and `biasHh` = 0. */
export function lstmParamsToPytorch(p: LstmParams): PytorchLstmWeights {
  lstmSizes(p);
  return tf.tidy(() => ({
    weightIh: tf.transpose(p.kernel), // [4H, I]
    weightHh: tf.transpose(p.recurrentKernel), // [4H, H]
    biasIh: p.bias.clone(), // [4H]
    biasHh: tf.zerosLike(p.bias), // [4H]
  }));
}

/** Swaps the first two of three H-sized blocks along `axis`: r, z, n ↔ z, r, n (its own inverse). */
function swapFirstTwoGates<T extends tf.Tensor>(t: T, axis: number): T {
  const [a, b, c] = tf.split(t, 3, axis);
  return tf.concat([b, a, c], axis) as T;
}

/** PyTorch nn.GRU weights → {@link GruParams} (new tensors). */
export function gruParamsFromPytorch(w: PytorchGruWeights): GruParams {
  return tf.tidy(() => {
    const p = {
      kernel: tf.transpose(swapFirstTwoGates(w.weightIh, 0)), // [I, 3H]
      recurrentKernel: tf.transpose(swapFirstTwoGates(w.weightHh, 0)), // [H, 3H]
      bias: tf.stack([swapFirstTwoGates(w.biasIh, 0), swapFirstTwoGates(w.biasHh, 0)]) as tf.Tensor2D, // [2, 3H]
    };
    gruSizes(p);
    return p;
  });
}

/** {@link GruParams} → PyTorch nn.GRU weights (new tensors). */
export function gruParamsToPytorch(p: GruParams): PytorchGruWeights {
  gruSizes(p);
  return tf.tidy(() => {
    const [inputBias, recurrentBias] = tf.unstack(p.bias) as tf.Tensor1D[]; // [3H] each
    return {
      weightIh: tf.transpose(swapFirstTwoGates(p.kernel, 1)), // [3H, I]
      weightHh: tf.transpose(swapFirstTwoGates(p.recurrentKernel, 1)), // [3H, H]
      biasIh: swapFirstTwoGates(inputBias, 0), // [3H]
      biasHh: swapFirstTwoGates(recurrentBias, 0), // [3H]
    };
  });
}
