// The LSTM over a whole sequence, keeping what backpropagation through time needs.
import { tf } from '../tfjs';
import { lstmUpdate } from './cell';
import { assertShape, lstmSizes, sequenceSizes, type LstmParams } from './params';
import { tidyResult } from './tidy';
import { toTimeMajor, unstackTimeMajor } from './time-steps';

/** Initial state of an LSTM, each [B, H]. Omitted = zeros. */
export interface LstmInitialState {
  h0: tf.Tensor2D;
  c0: tf.Tensor2D;
}

/** What one step t hands to BPTT, each [B, ·]. */
export interface LstmStepCache {
  /** x_t [B, I] */
  x: tf.Tensor2D;
  /** h_{t-1} [B, H] (h0 at t = 0) */
  hPrev: tf.Tensor2D;
  /** c_{t-1} [B, H] (c0 at t = 0) */
  cPrev: tf.Tensor2D;
  /** gate activations [B, H] */
  i: tf.Tensor2D;
  f: tf.Tensor2D;
  g: tf.Tensor2D;
  o: tf.Tensor2D;
  /** c_t [B, H] */
  c: tf.Tensor2D;
  /** tanh(c_t) [B, H] */
  tanhC: tf.Tensor2D;
}

/**
 * Everything {@link lstmBackward} needs. The step tensors belong to the cache and are freed by
 * {@link disposeLstmCache}; `params` is only a reference to the caller's weights and is not freed.
 */
export interface LstmCache {
  params: LstmParams;
  /** steps[t] for t = 0 … T-1 */
  steps: LstmStepCache[];
}

/** The result of {@link lstmForward}. hSeq, hT, cT and the cache are separate tensors, all owned by the caller. */
export interface LstmForwardResult {
  /** [B, T, H] */
  hSeq: tf.Tensor3D;
  /** [B, H] */
  hT: tf.Tensor2D;
  /** [B, H] */
  cT: tf.Tensor2D;
  cache: LstmCache;
}

/**
 * Runs the LSTM over x [B, T, I] from `init` (zeros if omitted). Free the result with
 * `tf.dispose([hSeq, hT, cT])` and `disposeLstmCache(cache)`.
 */
export function lstmForward(x: tf.Tensor3D, p: LstmParams, init?: LstmInitialState): LstmForwardResult {
  const { inputSize, hiddenSize: H } = lstmSizes(p);
  const { batch: B, steps: T } = sequenceSizes(x, inputSize);
  if (init) {
    assertShape('h0', init.h0, [B, H]);
    assertShape('c0', init.c0, [B, H]);
  }
  return tidyResult(() => {
    const xTimeMajor = toTimeMajor(x); // [T, B, I]
    const inputs = unstackTimeMajor(xTimeMajor); // T × [B, I]
    // The input projection of every step in one matMul, as the recurrence does not depend on it.
    const projected = xTimeMajor.reshape([T * B, inputSize]).matMul(p.kernel).add(p.bias); // [T·B, 4H]
    const projections = unstackTimeMajor(projected.reshape([T, B, 4 * H])); // T × [B, 4H]
    // Clones, so that disposing the cache never frees the caller's initial state.
    let h: tf.Tensor2D = init ? init.h0.clone() : tf.zeros([B, H]); // [B, H]
    let c: tf.Tensor2D = init ? init.c0.clone() : tf.zeros([B, H]); // [B, H]
    const steps: LstmStepCache[] = [];
    const hs: tf.Tensor2D[] = [];
    for (let t = 0; t < T; t++) {
      const z = projections[t].add(h.matMul(p.recurrentKernel)) as tf.Tensor2D; // [B, 4H]
      const next = lstmUpdate(z, c);
      steps.push({ x: inputs[t], hPrev: h, cPrev: c, ...next.gates, c: next.c, tanhC: next.tanhC });
      h = next.h;
      c = next.c;
      hs.push(h);
    }
    const hSeq = tf.stack(hs, 1) as tf.Tensor3D; // [B, T, H]
    // steps[T-1].c is c_T; the caller gets its own handle so the cache can be freed independently.
    return { hSeq, hT: h, cT: c.clone(), cache: { params: p, steps } };
  });
}

/** Frees the tensors a cache owns (not `cache.params`). Safe to call twice. */
export function disposeLstmCache(cache: LstmCache): void {
  for (const s of cache.steps) tf.dispose([s.x, s.hPrev, s.cPrev, s.i, s.f, s.g, s.o, s.c, s.tanhC]);
}
