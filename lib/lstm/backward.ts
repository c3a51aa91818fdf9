// Hand-written backpropagation through time for the LSTM (no autodiff).
import { tf } from '../tfjs';
import type { LstmCache } from './forward';
import { assertShape } from './params';
import { rowsToBatchMajor, stackTimeMajorRows, timeSteps } from './time-steps';

/** Gradients of the gate pre-activations (before sigmoid / tanh), each [B, T, H]. */
export interface LstmGateGradients {
  i: tf.Tensor3D;
  f: tf.Tensor3D;
  g: tf.Tensor3D;
  o: tf.Tensor3D;
}

/** The result of {@link lstmBackward}; every tensor is new and owned by the caller. */
export interface LstmGradients {
  /** [B, T, I] */
  dx: tf.Tensor3D;
  /** [B, H] */
  dh0: tf.Tensor2D;
  /** [B, H] */
  dc0: tf.Tensor2D;
  /** [I, 4H] */
  dKernel: tf.Tensor2D;
  /** [H, 4H] */
  dRecurrentKernel: tf.Tensor2D;
  /** [4H] */
  dBias: tf.Tensor1D;
  dGates: LstmGateGradients;
}

/**
 * BPTT through the sequence recorded in `cache`.
 * @param dhSeq ∂L/∂h_t for every t [B, T, H], or null when the loss does not read the sequence.
 * @param dhT added to the gradient of the last step's h [B, H] (e.g. a loss on hT); zeros if omitted.
 * @param dcT the gradient flowing into c_T [B, H]; zeros if omitted.
 *
 * Per step, from t = T-1 down: `dh = dhSeq_t + dh_next`, `dc = dc_next + dh ⊙ o ⊙ (1 − tanh²c)`,
 * `dz_o = dh ⊙ tanh c ⊙ o(1−o)`, `dz_i = dc ⊙ g ⊙ i(1−i)`, `dz_f = dc ⊙ c_{t-1} ⊙ f(1−f)`,
 * `dz_g = dc ⊙ i ⊙ (1−g²)`, `dh_next = dz·Uᵀ`, `dc_next = dc ⊙ f`; the weight gradients sum
 * `x_tᵀ·dz`, `h_{t-1}ᵀ·dz` and `dz` over t and the batch.
 */
export function lstmBackward(
  cache: LstmCache,
  dhSeq: tf.Tensor3D | null,
  dhT?: tf.Tensor2D,
  dcT?: tf.Tensor2D,
): LstmGradients {
  const { steps, params } = cache;
  const T = steps.length;
  if (T < 1) throw new Error('lstmBackward: the cache holds no time step');
  const [B, H] = steps[0].hPrev.shape;
  if (dhSeq) assertShape('dhSeq', dhSeq, [B, T, H]);
  if (dhT) assertShape('dhT', dhT, [B, H]);
  if (dcT) assertShape('dcT', dcT, [B, H]);

  return tf.tidy(() => {
    const dhFromOutput = dhSeq ? timeSteps(dhSeq) : null; // T × [B, H]
    // Materialised transposes: wasm's matMul is fast only on untransposed operands.
    const recurrentKernelT = tf.transpose(params.recurrentKernel); // [4H, H]
    let dhNext: tf.Tensor2D = dhT ?? tf.zeros([B, H]); // [B, H]
    let dcNext: tf.Tensor2D = dcT ?? tf.zeros([B, H]); // [B, H]
    const dz: tf.Tensor2D[] = new Array(T); // T × [B, 4H]
    for (let t = T - 1; t >= 0; t--) {
      const { i, f, g, o, cPrev, tanhC } = steps[t];
      const dh = dhFromOutput ? (dhFromOutput[t].add(dhNext) as tf.Tensor2D) : dhNext; // [B, H]
      const dc = dcNext.add(dh.mul(o).mul(tf.sub(1, tanhC.square()))) as tf.Tensor2D; // [B, H]
      const dzi = dc.mul(g).mul(sigmoidDerivative(i)); // [B, H]
      const dzf = dc.mul(cPrev).mul(sigmoidDerivative(f)); // [B, H]
      const dzg = dc.mul(i).mul(tf.sub(1, g.square())); // [B, H]
      const dzo = dh.mul(tanhC).mul(sigmoidDerivative(o)); // [B, H]
      dz[t] = tf.concat([dzi, dzf, dzg, dzo], 1) as tf.Tensor2D; // [B, 4H]
      dhNext = dz[t].matMul(recurrentKernelT) as tf.Tensor2D; // [B, H]
      dcNext = dc.mul(f) as tf.Tensor2D; // [B, H]
    }
    // All steps at once, rows in time-major order: the weight gradients sum over time and batch.
    const dzAll = stackTimeMajorRows(dz); // [T·B, 4H]
    const xAll = stackTimeMajorRows(steps.map((s) => s.x)); // [T·B, I]
    const hPrevAll = stackTimeMajorRows(steps.map((s) => s.hPrev)); // [T·B, H]
    const [gi, gf, gg, go] = tf.split(rowsToBatchMajor(dzAll, T), 4, 2) as tf.Tensor3D[]; // [B, T, H] each
    return {
      dx: rowsToBatchMajor(dzAll.matMul(tf.transpose(params.kernel)), T), // [B, T, I]
      dh0: dhNext,
      dc0: dcNext,
      dKernel: tf.transpose(xAll).matMul(dzAll) as tf.Tensor2D, // [I, 4H]
      dRecurrentKernel: tf.transpose(hPrevAll).matMul(dzAll) as tf.Tensor2D, // [H, 4H]
      dBias: dzAll.sum(0) as tf.Tensor1D, // [4H]
      dGates: { i: gi, f: gf, g: gg, o: go },
    };
  });
}

/** σ'(z) written with the activation a = σ(z): a(1 − a). */
function sigmoidDerivative(a: tf.Tensor2D): tf.Tensor2D {
  return a.mul(tf.sub(1, a));
}
