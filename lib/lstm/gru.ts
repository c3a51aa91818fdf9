// The GRU (PyTorch nn.GRU = Keras reset_after=true): one step, a whole sequence, and hand-written BPTT.
import { tf } from '../tfjs';
import { assertShape, gruSizes, sequenceSizes, type GruParams } from './params';
import { splitGates } from './split-gates';
import { tidyResult } from './tidy';
import { rowsToBatchMajor, stackTimeMajorRows, timeSteps, toTimeMajor, unstackTimeMajor } from './time-steps';

/** Gate activations of one GRU step, each [B, H]: update z, reset r, candidate h̃. */
export interface GruGates {
  z: tf.Tensor2D;
  r: tf.Tensor2D;
  hTilde: tf.Tensor2D;
}

/** The result of {@link gruCellStep}; every tensor is new and owned by the caller. */
export interface GruStepResult {
  /** [B, H] */
  h: tf.Tensor2D;
  gates: GruGates;
}

/** What one step t hands to BPTT, each [B, ·]. */
export interface GruStepCache {
  /** x_t [B, I] */
  x: tf.Tensor2D;
  /** h_{t-1} [B, H] */
  hPrev: tf.Tensor2D;
  z: tf.Tensor2D;
  r: tf.Tensor2D;
  hTilde: tf.Tensor2D;
  /** h_{t-1}·U_h + b_rh [B, H]: the recurrent candidate term that r scales */
  recurrentCandidate: tf.Tensor2D;
}

/** Everything {@link gruBackward} needs; freed by {@link disposeGruCache} (not `params`). */
export interface GruCache {
  params: GruParams;
  steps: GruStepCache[];
}

/** The result of {@link gruForward}; hSeq, hT and the cache are separate tensors owned by the caller. */
export interface GruForwardResult {
  /** [B, T, H] */
  hSeq: tf.Tensor3D;
  /** [B, H] */
  hT: tf.Tensor2D;
  cache: GruCache;
}

/** Gradients of the gate pre-activations, each [B, T, H] (for h̃: of `x·W_h + b_ih + r ⊙ (h·U_h + b_rh)`). */
export interface GruGateGradients {
  z: tf.Tensor3D;
  r: tf.Tensor3D;
  hTilde: tf.Tensor3D;
}

/** The result of {@link gruBackward}; every tensor is new and owned by the caller. */
export interface GruGradients {
  /** [B, T, I] */
  dx: tf.Tensor3D;
  /** [B, H] */
  dh0: tf.Tensor2D;
  /** [I, 3H] */
  dKernel: tf.Tensor2D;
  /** [H, 3H] */
  dRecurrentKernel: tf.Tensor2D;
  /** [2, 3H] */
  dBias: tf.Tensor2D;
  dGates: GruGateGradients;
}

/**
 * One GRU step: `a = x·W + b_i`, `b = hPrev·U + b_r` (each split z | r | h̃),
 * `z = σ(a_z + b_z)`, `r = σ(a_r + b_r)`, `h̃ = tanh(a_h + r ⊙ b_h)`, `h = z ⊙ hPrev + (1 − z) ⊙ h̃`.
 * @param x [B, I]  @param hPrev [B, H]
 */
export function gruCellStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, p: GruParams): GruStepResult {
  const { inputSize, hiddenSize } = gruSizes(p);
  assertShape('x', x, [null, inputSize]);
  assertShape('hPrev', hPrev, [x.shape[0], hiddenSize]);
  return tf.tidy(() => {
    const [inputBias, recurrentBias] = tf.unstack(p.bias) as tf.Tensor1D[]; // [3H] each
    const { h, z, r, hTilde } = gruUpdate(x.matMul(p.kernel).add(inputBias), hPrev, p.recurrentKernel, recurrentBias);
    return { h, gates: { z, r, hTilde } };
  });
}

/** Call inside tf.tidy. `inputPart` = x·W + b_i [B, 3H]. */
function gruUpdate(inputPart: tf.Tensor, hPrev: tf.Tensor2D, recurrentKernel: tf.Tensor2D, recurrentBias: tf.Tensor1D) {
  const [az, ar, ah] = splitGates(inputPart as tf.Tensor2D, 3); // [B, H] each
  const [bz, br, recurrentCandidate] = splitGates(hPrev.matMul(recurrentKernel).add(recurrentBias), 3); // [B, H] each
  const z = tf.sigmoid(az.add(bz)) as tf.Tensor2D; // [B, H]
  const r = tf.sigmoid(ar.add(br)) as tf.Tensor2D; // [B, H]
  const hTilde = tf.tanh(ah.add(r.mul(recurrentCandidate))) as tf.Tensor2D; // [B, H]
  const h = z.mul(hPrev).add(tf.sub(1, z).mul(hTilde)) as tf.Tensor2D; // [B, H]
  return { h, z, r, hTilde, recurrentCandidate };
}

/**
 * Runs the GRU over x [B, T, I] from h0 [B, H] (zeros if omitted). Free the result with
 * `tf.dispose([hSeq, hT])` and `disposeGruCache(cache)`.
 */
export function gruForward(x: tf.Tensor3D, p: GruParams, init?: { h0: tf.Tensor2D }): GruForwardResult {
  const { inputSize, hiddenSize: H } = gruSizes(p);
  const { batch: B, steps: T } = sequenceSizes(x, inputSize);
  if (init) assertShape('h0', init.h0, [B, H]);
  return tidyResult(() => {
    const [inputBias, recurrentBias] = tf.unstack(p.bias) as tf.Tensor1D[]; // [3H] each
    const xTimeMajor = toTimeMajor(x); // [T, B, I]
    const inputs = unstackTimeMajor(xTimeMajor); // T × [B, I]
    const projected = xTimeMajor.reshape([T * B, inputSize]).matMul(p.kernel).add(inputBias); // [T·B, 3H]
    const projections = unstackTimeMajor(projected.reshape([T, B, 3 * H])); // T × [B, 3H]
    let h: tf.Tensor2D = init ? init.h0.clone() : tf.zeros([B, H]); // [B, H]
    const steps: GruStepCache[] = [];
    const hs: tf.Tensor2D[] = [];
    for (let t = 0; t < T; t++) {
      const next = gruUpdate(projections[t], h, p.recurrentKernel, recurrentBias);
      steps.push({ x: inputs[t], hPrev: h, z: next.z, r: next.r, hTilde: next.hTilde, recurrentCandidate: next.recurrentCandidate });
      h = next.h;
      hs.push(h);
    }
    return { hSeq: tf.stack(hs, 1) as tf.Tensor3D, hT: h, cache: { params: p, steps } };
  });
}

/** Frees the tensors a GRU cache owns (not `cache.params`). Safe to call twice. */
export function disposeGruCache(cache: GruCache): void {
  for (const s of cache.steps) tf.dispose([s.x, s.hPrev, s.z, s.r, s.hTilde, s.recurrentCandidate]);
}

/**
 * BPTT through a GRU sequence. `dhSeq` [B, T, H] or null, `dhT` [B, H] added at the last step.
 *
 * Per step: `dh = dhSeq_t + dh_next`, `da_h = dh ⊙ (1 − z) ⊙ (1 − h̃²)`, `da_z = dh ⊙ (hPrev − h̃) ⊙ z(1−z)`,
 * `da_r = da_h ⊙ b_h ⊙ r(1−r)`; input side `[da_z, da_r, da_h]`, recurrent side
 * `[da_z, da_r, da_h ⊙ r]`; `dh_next = dh ⊙ z + recurrent side·Uᵀ`.
 */
export function gruBackward(cache: GruCache, dhSeq: tf.Tensor3D | null, dhT?: tf.Tensor2D): GruGradients {
  const { steps, params } = cache;
  const T = steps.length;
  if (T < 1) throw new Error('gruBackward: the cache holds no time step');
  const [B, H] = steps[0].hPrev.shape;
  if (dhSeq) assertShape('dhSeq', dhSeq, [B, T, H]);
  if (dhT) assertShape('dhT', dhT, [B, H]);

  return tf.tidy(() => {
    const dhFromOutput = dhSeq ? timeSteps(dhSeq) : null; // T × [B, H]
    const recurrentKernelT = tf.transpose(params.recurrentKernel); // [3H, H]
    let dhNext: tf.Tensor2D = dhT ?? tf.zeros([B, H]); // [B, H]
    const dInput: tf.Tensor2D[] = new Array(T); // T × [B, 3H]
    const dRecurrent: tf.Tensor2D[] = new Array(T); // T × [B, 3H]
    for (let t = T - 1; t >= 0; t--) {
      const { hPrev, z, r, hTilde, recurrentCandidate } = steps[t];
      const dh = dhFromOutput ? (dhFromOutput[t].add(dhNext) as tf.Tensor2D) : dhNext; // [B, H]
      const dah = dh.mul(tf.sub(1, z)).mul(tf.sub(1, hTilde.square())); // [B, H]
      const daz = dh.mul(hPrev.sub(hTilde)).mul(z.mul(tf.sub(1, z))); // [B, H]
      const dar = dah.mul(recurrentCandidate).mul(r.mul(tf.sub(1, r))); // [B, H]
      dInput[t] = tf.concat([daz, dar, dah], 1) as tf.Tensor2D; // [B, 3H]
      dRecurrent[t] = tf.concat([daz, dar, dah.mul(r)], 1) as tf.Tensor2D; // [B, 3H]
      dhNext = dh.mul(z).add(dRecurrent[t].matMul(recurrentKernelT)) as tf.Tensor2D; // [B, H]
    }
    // All steps at once, rows in time-major order: the weight gradients sum over time and batch.
    const dInputAll = stackTimeMajorRows(dInput); // [T·B, 3H]
    const dRecurrentAll = stackTimeMajorRows(dRecurrent); // [T·B, 3H]
    const xAll = stackTimeMajorRows(steps.map((s) => s.x)); // [T·B, I]
    const hPrevAll = stackTimeMajorRows(steps.map((s) => s.hPrev)); // [T·B, H]
    const [gz, gr, gh] = tf.split(rowsToBatchMajor(dInputAll, T), 3, 2) as tf.Tensor3D[]; // [B, T, H] each
    return {
      dx: rowsToBatchMajor(dInputAll.matMul(tf.transpose(params.kernel)), T), // [B, T, I]
      dh0: dhNext,
      dKernel: tf.transpose(xAll).matMul(dInputAll) as tf.Tensor2D, // [I, 3H]
      dRecurrentKernel: tf.transpose(hPrevAll).matMul(dRecurrentAll) as tf.Tensor2D, // [H, 3H]
      dBias: tf.stack([dInputAll.sum(0), dRecurrentAll.sum(0)]) as tf.Tensor2D, // [2, 3H]
      dGates: { z: gz, r: gr, hTilde: gh },
    };
  });
}
