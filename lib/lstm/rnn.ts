// The vanilla tanh RNN (the baseline of the vanishing-gradient exercises): one step, a sequence, and BPTT.
import { tf } from '../tfjs';
import { assertShape, rnnSizes, sequenceSizes, type RnnParams } from './params';
import { tidyResult } from './tidy';
import { rowsToBatchMajor, stackTimeMajorRows, timeSteps, toTimeMajor, unstackTimeMajor } from './time-steps';

/** What one step t hands to BPTT. */
export interface RnnStepCache {
  /** x_t [B, I] */
  x: tf.Tensor2D;
  /** h_{t-1} [B, H] */
  hPrev: tf.Tensor2D;
  /** h_t [B, H] */
  h: tf.Tensor2D;
}

/** Everything {@link rnnBackward} needs; freed by {@link disposeRnnCache} (not `params`). */
export interface RnnCache {
  params: RnnParams;
  steps: RnnStepCache[];
}

/** The result of {@link rnnForward}; hSeq, hT and the cache are separate tensors owned by the caller. */
export interface RnnForwardResult {
  /** [B, T, H] */
  hSeq: tf.Tensor3D;
  /** [B, H] */
  hT: tf.Tensor2D;
  cache: RnnCache;
}

/** The result of {@link rnnBackward}; every tensor is new and owned by the caller. */
export interface RnnGradients {
  /** [B, T, I] */
  dx: tf.Tensor3D;
  /** [B, H] */
  dh0: tf.Tensor2D;
  /** [I, H] */
  dKernel: tf.Tensor2D;
  /** [H, H] */
  dRecurrentKernel: tf.Tensor2D;
  /** [H] */
  dBias: tf.Tensor1D;
}

/** One step `h = tanh(x·kernel + hPrev·recurrentKernel + bias)`; x [B, I], hPrev [B, H] → h [B, H]. */
export function rnnCellStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, p: RnnParams): tf.Tensor2D {
  const { inputSize, hiddenSize } = rnnSizes(p);
  assertShape('x', x, [null, inputSize]);
  assertShape('hPrev', hPrev, [x.shape[0], hiddenSize]);
  return tf.tidy(() => tf.tanh(x.matMul(p.kernel).add(hPrev.matMul(p.recurrentKernel)).add(p.bias)) as tf.Tensor2D); // [B, H]
}

/** Runs the RNN over x [B, T, I] from h0 (zeros if omitted). Free with `tf.dispose([hSeq, hT])` and `disposeRnnCache`. */
export function rnnForward(x: tf.Tensor3D, p: RnnParams, init?: { h0: tf.Tensor2D }): RnnForwardResult {
  const { inputSize, hiddenSize: H } = rnnSizes(p);
  const { batch: B, steps: T } = sequenceSizes(x, inputSize);
  if (init) assertShape('h0', init.h0, [B, H]);
  return tidyResult(() => {
    const xTimeMajor = toTimeMajor(x); // [T, B, I]
    const inputs = unstackTimeMajor(xTimeMajor); // T × [B, I]
    const projected = xTimeMajor.reshape([T * B, inputSize]).matMul(p.kernel).add(p.bias); // [T·B, H]
    const projections = unstackTimeMajor(projected.reshape([T, B, H])); // T × [B, H]
    let h: tf.Tensor2D = init ? init.h0.clone() : tf.zeros([B, H]); // [B, H]
    const steps: RnnStepCache[] = [];
    for (let t = 0; t < T; t++) {
      const next = tf.tanh(projections[t].add(h.matMul(p.recurrentKernel))) as tf.Tensor2D; // [B, H]
      steps.push({ x: inputs[t], hPrev: h, h: next });
      h = next;
    }
    const hSeq = tf.stack(steps.map((s) => s.h), 1) as tf.Tensor3D; // [B, T, H]
    // steps[T-1].h is h_T; the caller gets its own handle so the cache can be freed independently.
    return { hSeq, hT: h.clone(), cache: { params: p, steps } };
  });
}

/** Frees the tensors an RNN cache owns (not `cache.params`). Safe to call twice. */
export function disposeRnnCache(cache: RnnCache): void {
  for (const s of cache.steps) tf.dispose([s.x, s.hPrev, s.h]);
}

/**
 * BPTT for the tanh RNN: per step `da = (dhSeq_t + dh_next) ⊙ (1 − h_t²)`, `dh_next = da·Uᵀ`;
 * the weight gradients sum `x_tᵀ·da`, `h_{t-1}ᵀ·da` and `da`. `dhSeq` [B, T, H] or null, `dhT` [B, H].
 */
export function rnnBackward(cache: RnnCache, dhSeq: tf.Tensor3D | null, dhT?: tf.Tensor2D): RnnGradients {
  const { steps, params } = cache;
  const T = steps.length;
  if (T < 1) throw new Error('rnnBackward: the cache holds no time step');
  const [B, H] = steps[0].hPrev.shape;
  if (dhSeq) assertShape('dhSeq', dhSeq, [B, T, H]);
  if (dhT) assertShape('dhT', dhT, [B, H]);

  return tf.tidy(() => {
    const dhFromOutput = dhSeq ? timeSteps(dhSeq) : null; // T × [B, H]
    const recurrentKernelT = tf.transpose(params.recurrentKernel); // [H, H]
    let dhNext: tf.Tensor2D = dhT ?? tf.zeros([B, H]); // [B, H]
    const da: tf.Tensor2D[] = new Array(T); // T × [B, H]
    for (let t = T - 1; t >= 0; t--) {
      const dh = dhFromOutput ? (dhFromOutput[t].add(dhNext) as tf.Tensor2D) : dhNext; // [B, H]
      da[t] = dh.mul(tf.sub(1, steps[t].h.square())) as tf.Tensor2D; // [B, H]
      dhNext = da[t].matMul(recurrentKernelT) as tf.Tensor2D; // [B, H]
    }
    // All steps at once, rows in time-major order: the weight gradients sum over time and batch.
    const daAll = stackTimeMajorRows(da); // [T·B, H]
    const xAll = stackTimeMajorRows(steps.map((s) => s.x)); // [T·B, I]
    const hPrevAll = stackTimeMajorRows(steps.map((s) => s.hPrev)); // [T·B, H]
    return {
      dx: rowsToBatchMajor(daAll.matMul(tf.transpose(params.kernel)), T), // [B, T, I]
      dh0: dhNext,
      dKernel: tf.transpose(xAll).matMul(daAll) as tf.Tensor2D, // [I, H]
      dRecurrentKernel: tf.transpose(hPrevAll).matMul(daAll) as tf.Tensor2D, // [H, H]
      dBias: daAll.sum(0) as tf.Tensor1D, // [H]
    };
  });
}
