// Weight types of the reference recurrent layers (Keras / tf.layers layout) and their shape checks.
import type { tf } from '../tfjs';

/**
 * LSTM weights in the Keras / tf.layers layout, gate order i, f, g, o along the last axis:
 * `z = x·kernel + h·recurrentKernel + bias`, split into four [B, H] blocks.
 */
export interface LstmParams {
  /** [inputSize, 4H] */
  kernel: tf.Tensor2D;
  /** [H, 4H] */
  recurrentKernel: tf.Tensor2D;
  /** [4H] */
  bias: tf.Tensor1D;
}

/**
 * GRU weights in the Keras `reset_after=true` layout (= PyTorch nn.GRU), gate order z, r, h̃:
 * row 0 of `bias` is added to `x·kernel`, row 1 to `h·recurrentKernel` (so the recurrent candidate
 * bias sits inside `r ⊙ (h·U_h + b_rh)`).
 */
export interface GruParams {
  /** [inputSize, 3H] */
  kernel: tf.Tensor2D;
  /** [H, 3H] */
  recurrentKernel: tf.Tensor2D;
  /** [2, 3H]: row 0 input bias, row 1 recurrent bias */
  bias: tf.Tensor2D;
}

/** Vanilla tanh RNN weights: `h_t = tanh(x_t·kernel + h_{t-1}·recurrentKernel + bias)`. */
export interface RnnParams {
  /** [inputSize, H] */
  kernel: tf.Tensor2D;
  /** [H, H] */
  recurrentKernel: tf.Tensor2D;
  /** [H] */
  bias: tf.Tensor1D;
}

/** Sizes read off a parameter set. */
export interface RnnSizes {
  inputSize: number;
  hiddenSize: number;
}

/** Throws `Error("<label> must have shape [..], got [..]")` unless `t` has the expected shape (null = any size). */
export function assertShape(label: string, t: tf.Tensor, expected: ReadonlyArray<number | null>): void {
  const ok = t.rank === expected.length && expected.every((d, k) => d === null || d === t.shape[k]);
  if (!ok) {
    const want = expected.map((d) => (d === null ? '?' : String(d))).join(', ');
    throw new Error(`${label} must have shape [${want}], got [${t.shape.join(', ')}]`);
  }
}

function paramSizes(kind: string, gateCount: number, p: { kernel: tf.Tensor; recurrentKernel: tf.Tensor }): RnnSizes {
  const shape = p.recurrentKernel.shape as number[];
  if (shape.length !== 2 || shape[1] % gateCount !== 0) {
    throw new Error(
      `${kind}.recurrentKernel must have shape [H, ${gateCount}H], got [${p.recurrentKernel.shape.join(', ')}]`,
    );
  }
  const hiddenSize = shape[1] / gateCount;
  assertShape(`${kind}.recurrentKernel`, p.recurrentKernel, [hiddenSize, gateCount * hiddenSize]);
  assertShape(`${kind}.kernel`, p.kernel, [null, gateCount * hiddenSize]);
  return { inputSize: (p.kernel.shape as number[])[0], hiddenSize };
}

/** Checks every shape of an {@link LstmParams} and returns its sizes. */
export function lstmSizes(p: LstmParams): RnnSizes {
  const sizes = paramSizes('LstmParams', 4, p);
  assertShape('LstmParams.bias', p.bias, [4 * sizes.hiddenSize]);
  return sizes;
}

/** Checks every shape of a {@link GruParams} and returns its sizes. */
export function gruSizes(p: GruParams): RnnSizes {
  const sizes = paramSizes('GruParams', 3, p);
  assertShape('GruParams.bias', p.bias, [2, 3 * sizes.hiddenSize]);
  return sizes;
}

/** Checks every shape of an {@link RnnParams} and returns its sizes. */
export function rnnSizes(p: RnnParams): RnnSizes {
  const sizes = paramSizes('RnnParams', 1, p);
  assertShape('RnnParams.bias', p.bias, [sizes.hiddenSize]);
  return sizes;
}

/** Checks a batch-major input sequence [B, T, inputSize] and returns B and T. */
export function sequenceSizes(x: tf.Tensor3D, inputSize: number): { batch: number; steps: number } {
  assertShape('x', x, [null, null, inputSize]);
  const [batch, steps] = x.shape;
  if (steps < 1) throw new Error('x must have at least one time step');
  return { batch, steps };
}
