// Checks of exercise 03 (BPTT by hand): seeded forward caches, lib/lstm's lstmBackward on the host, broken backward loops, and where in time an error starts.
import { createRng, lstmBackward, type LstmCache } from '@/lib/lstm';
import type { LocalizedText } from '@/lib/grader/result';
import { defineSpec } from '@/lib/grader/spec';
import {
  listValue,
  recordValue,
  tensorToValue,
  tensorValue,
  valueToArgument,
  type TensorValue,
  type WireValue,
} from '@/lib/grader/values';
import { formatNumber } from '@/lib/grader/messages';
import { ready, tf } from '@/lib/tfjs';

/** Sizes, value ranges and upstream gradients of one case. */
interface BackwardCase {
  batch: number;
  steps: number;
  inputSize: number;
  hiddenSize: number;
  /** Weights and inputs are drawn from U(−scale, scale); 3 saturates the gates. */
  scale: number;
  /** false: h0 = c0 = 0. */
  initialState: boolean;
  /** Pass gradients into h_T and c_T (else null). */
  finalGradients: boolean;
  /** false: the loss reads only h_T (dhSeq is zero), so every gradient comes back through time. */
  lossOnEveryStep: boolean;
}

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/**
 * The forward pass in plain float64 JS, producing exercise 02's cache as wire values (float32).
 * Generators are synchronous and run before tfjs is ready, so the cache is built without tfjs.
 */
function forwardCache(x: number[], B: number, T: number, I: number, H: number, W: number[], U: number[], bias: number[], h0: number[], c0: number[]): WireValue {
  let h = h0.slice(); // [B, H] row-major
  let c = c0.slice(); // [B, H]
  const steps: WireValue[] = [];
  for (let t = 0; t < T; t++) {
    const xt = new Array<number>(B * I); // [B, I]
    for (let b = 0; b < B; b++) for (let k = 0; k < I; k++) xt[b * I + k] = x[(b * T + t) * I + k];
    const gates = { i: [] as number[], f: [] as number[], g: [] as number[], o: [] as number[] };
    const cNext: number[] = [];
    const tanhC: number[] = [];
    const hNext: number[] = [];
    for (let b = 0; b < B; b++) {
      for (let j = 0; j < H; j++) {
        const z = [0, 1, 2, 3].map((block) => {
          const col = block * H + j;
          let sum = bias[col];
          for (let k = 0; k < I; k++) sum += xt[b * I + k] * W[k * 4 * H + col];
          for (let k = 0; k < H; k++) sum += h[b * H + k] * U[k * 4 * H + col];
          return sum;
        });
        const [i, f, g, o] = [sigmoid(z[0]), sigmoid(z[1]), Math.tanh(z[2]), sigmoid(z[3])];
        const cNew = f * c[b * H + j] + i * g;
        gates.i.push(i);
        gates.f.push(f);
        gates.g.push(g);
        gates.o.push(o);
        cNext.push(cNew);
        tanhC.push(Math.tanh(cNew));
        hNext.push(o * Math.tanh(cNew));
      }
    }
    const bh = (values: number[]) => tensorValue([B, H], values);
    steps.push(
      recordValue({
        x: tensorValue([B, I], xt),
        hPrev: bh(h),
        cPrev: bh(c),
        i: bh(gates.i),
        f: bh(gates.f),
        g: bh(gates.g),
        o: bh(gates.o),
        c: bh(cNext),
        tanhC: bh(tanhC),
      }),
    );
    h = hNext;
    c = cNext;
  }
  return recordValue({
    params: recordValue({ kernel: tensorValue([I, 4 * H], W), recurrentKernel: tensorValue([H, 4 * H], U), bias: tensorValue([4 * H], bias) }),
    steps: listValue(steps),
  });
}

/** Arguments (cache, dhSeq, dhT, dcT) of a case, drawn from `seed` and a per-case salt. */
function backwardCase(salt: number, c: BackwardCase) {
  return (seed: number): WireValue[] => {
    const rng = createRng(seed * 7919 + salt);
    const draw = (n: number, range: number) => Array.from({ length: n }, () => rng.uniform(-range, range));
    const { batch: B, steps: T, inputSize: I, hiddenSize: H, scale } = c;
    const x = draw(B * T * I, scale); // [B, T, I]
    const W = draw(I * 4 * H, scale); // [I, 4H]
    const U = draw(H * 4 * H, scale); // [H, 4H]
    const bias = draw(4 * H, scale / 2); // [4H]
    const h0 = c.initialState ? draw(B * H, 0.9) : new Array<number>(B * H).fill(0); // [B, H]
    const c0 = c.initialState ? draw(B * H, 2) : new Array<number>(B * H).fill(0); // [B, H]
    const cache = forwardCache(x, B, T, I, H, W, U, bias, h0, c0);
    const dhSeq = tensorValue([B, T, H], c.lossOnEveryStep ? draw(B * T * H, 1) : new Array<number>(B * T * H).fill(0)); // [B, T, H]
    const final = (): WireValue => (c.finalGradients ? tensorValue([B, H], draw(B * H, 1)) : { kind: 'null' }); // [B, H] or null
    return [cache, dhSeq, final(), final()];
  };
}

/** The gradients as lib/lstm's lstmBackward names them; the order of the expected record is the order they are checked. */
interface BackwardTensors {
  dKernel: tf.Tensor;
  dRecurrentKernel: tf.Tensor;
  dBias: tf.Tensor;
  dx: tf.Tensor;
  dh0: tf.Tensor;
  dc0: tf.Tensor;
  dGates: { i: tf.Tensor; f: tf.Tensor; g: tf.Tensor; o: tf.Tensor };
}

type BackwardFunction = (cache: LstmCache, dhSeq: tf.Tensor3D, dhT: tf.Tensor2D | undefined, dcT: tf.Tensor2D | undefined) => BackwardTensors;

/** Runs `backward` on the host's tfjs with the case's arguments and reads the gradients back. */
async function onHost(args: WireValue[], backward: BackwardFunction): Promise<WireValue> {
  await ready();
  tf.engine().startScope();
  try {
    const [cache, dhSeq, dhT, dcT] = args.map((a) => valueToArgument(tf, a)) as [LstmCache, tf.Tensor3D, tf.Tensor2D | null, tf.Tensor2D | null];
    const d = backward(cache, dhSeq, dhT ?? undefined, dcT ?? undefined);
    const read = (t: tf.Tensor) => tensorToValue(t);
    return recordValue({
      dRecurrentKernel: read(d.dRecurrentKernel),
      dKernel: read(d.dKernel),
      dBias: read(d.dBias),
      dx: read(d.dx),
      dh0: read(d.dh0),
      dc0: read(d.dc0),
      dGates: recordValue({ i: read(d.dGates.i), f: read(d.dGates.f), g: read(d.dGates.g), o: read(d.dGates.o) }),
    });
  } finally {
    tf.engine().endScope();
  }
}

/** The known mistakes, each a deliberate change to one line of the backward step. */
type Flaw =
  | 'dc-not-carried'
  | 'dh-not-carried'
  | 'forget-gradient-uses-c-t'
  | 'missing-tanh-derivative'
  | 'ignores-final-gradients'
  | 'gate-order-ifog';

/** BPTT written out step by step with one flaw; everything else follows lib/lstm's lstmBackward. */
function flawedBackward(flaw: Flaw): BackwardFunction {
  return ({ params, steps }, dhSeq, dhT, dcT) => {
    const T = steps.length;
    const [B, H] = steps[0].hPrev.shape;
    const dhFromLoss = tf.unstack(dhSeq, 1) as tf.Tensor2D[]; // T × [B, H]
    const ignoreFinal = flaw === 'ignores-final-gradients';
    let dhNext: tf.Tensor2D = (!ignoreFinal && dhT) || tf.zeros([B, H]); // [B, H]
    let dcNext: tf.Tensor2D = (!ignoreFinal && dcT) || tf.zeros([B, H]); // [B, H]
    let dKernel: tf.Tensor = tf.zerosLike(params.kernel); // [I, 4H]
    let dRecurrentKernel: tf.Tensor = tf.zerosLike(params.recurrentKernel); // [H, 4H]
    let dBias: tf.Tensor = tf.zerosLike(params.bias); // [4H]
    const dxs: tf.Tensor[] = new Array(T); // T × [B, I]
    const dzs: tf.Tensor[][] = new Array(T); // T × 4 × [B, H]
    for (let t = T - 1; t >= 0; t--) {
      const { x, hPrev, cPrev, i, f, g, o, c, tanhC } = steps[t];
      const dh = flaw === 'dh-not-carried' ? dhFromLoss[t] : tf.add(dhFromLoss[t], dhNext); // [B, H]
      const throughTanh = flaw === 'missing-tanh-derivative' ? tf.mul(dh, o) : tf.mul(tf.mul(dh, o), tf.sub(1, tf.square(tanhC))); // [B, H]
      const dc = flaw === 'dc-not-carried' ? throughTanh : tf.add(dcNext, throughTanh); // [B, H]
      const dzi = tf.mul(tf.mul(dc, g), tf.mul(i, tf.sub(1, i))); // [B, H]
      const dzf = tf.mul(tf.mul(dc, flaw === 'forget-gradient-uses-c-t' ? c : cPrev), tf.mul(f, tf.sub(1, f))); // [B, H]
      const dzg = tf.mul(tf.mul(dc, i), tf.sub(1, tf.square(g))); // [B, H]
      const dzo = tf.mul(tf.mul(dh, tanhC), tf.mul(o, tf.sub(1, o))); // [B, H]
      dzs[t] = [dzi, dzf, dzg, dzo];
      // The ifog mistake lays dz out in the order i, f, o, g, so o's gradient lands in g's weight columns.
      const dz = tf.concat(flaw === 'gate-order-ifog' ? [dzi, dzf, dzo, dzg] : [dzi, dzf, dzg, dzo], 1); // [B, 4H]
      dKernel = tf.add(dKernel, tf.matMul(x, dz, true, false)); // [I, 4H]
      dRecurrentKernel = tf.add(dRecurrentKernel, tf.matMul(hPrev, dz, true, false)); // [H, 4H]
      dBias = tf.add(dBias, tf.sum(dz, 0)); // [4H]
      dxs[t] = tf.matMul(dz, params.kernel, false, true); // [B, I]
      dhNext = tf.matMul(dz, params.recurrentKernel, false, true) as tf.Tensor2D; // [B, H]
      dcNext = tf.mul(dc, f) as tf.Tensor2D; // [B, H]
    }
    const overTime = (k: number) => tf.stack(dzs.map((d) => d[k]), 1); // [B, T, H]
    return {
      dKernel,
      dRecurrentKernel,
      dBias,
      dx: tf.stack(dxs, 1),
      dh0: dhNext,
      dc0: dcNext,
      dGates: { i: overTime(0), f: overTime(1), g: overTime(2), o: overTime(3) },
    };
  };
}

/** Per time step t: is the learner's dz_t (all four gates) within the gradient tolerance, and how far off is it? */
function stepErrors(actual: WireValue, expected: WireValue): { ok: boolean; relative: number }[] | null {
  if (actual.kind !== 'record' || expected.kind !== 'record') return null;
  const got = actual.entries.dGates;
  const want = expected.entries.dGates;
  if (!got || got.kind !== 'record' || want.kind !== 'record') return null;
  const pairs: [TensorValue, TensorValue][] = [];
  for (const gate of ['i', 'f', 'g', 'o']) {
    const a = got.entries[gate];
    const b = want.entries[gate];
    if (!a || a.kind !== 'tensor' || b.kind !== 'tensor' || a.shape.join() !== b.shape.join()) return null;
    pairs.push([a, b]);
  }
  const [B, T, H] = pairs[0][1].shape;
  const result: { ok: boolean; relative: number }[] = [];
  for (let t = 0; t < T; t++) {
    let errSq = 0;
    let refSq = 0;
    for (const [a, b] of pairs) {
      for (let n = 0; n < B; n++) {
        for (let j = 0; j < H; j++) {
          const k = (n * T + t) * H + j;
          errSq += (a.data[k] - b.data[k]) ** 2;
          refSq += b.data[k] ** 2;
        }
      }
    }
    const err = Math.sqrt(errSq);
    const ref = Math.sqrt(refSq);
    // The gradient tolerance's per-tensor bound (architecture.md), applied to one step's dz.
    const bound = 1e-3 * ref + 2e-5 * Math.sqrt(4 * B * H);
    result.push({ ok: Number.isFinite(err) && err <= bound, relative: ref > 0 ? err / ref : err > 0 ? Infinity : 0 });
  }
  return result;
}

/** Says whether a wrong gradient starts at the last step (a local derivative) or builds up back through time (what is carried). */
function diagnoseInTime(actual: WireValue, expected: WireValue): LocalizedText | null {
  const steps = stepErrors(actual, expected);
  if (!steps) return null;
  const T = steps.length;
  const last = T - 1;
  if (steps.every((s) => s.ok)) {
    return {
      en: 'Your gate gradients dGates match at every step, so the error is in how they become this gradient: dKernel = Σ_t x_tᵀ·dz_t, dRecurrentKernel = Σ_t h_{t−1}ᵀ·dz_t, dBias = Σ_t Σ_batch dz_t, dx_t = dz_t·kernelᵀ, dh0 = dz_0·recurrentKernelᵀ, dc0 = dc_0 ⊙ f_0.',
      zh: '你的门梯度 dGates 在每一步都正确，所以错误出在由它们得到这个梯度的过程：dKernel = Σ_t x_tᵀ·dz_t，dRecurrentKernel = Σ_t h_{t−1}ᵀ·dz_t，dBias = Σ_t Σ_batch dz_t，dx_t = dz_t·kernelᵀ，dh0 = dz_0·recurrentKernelᵀ，dc0 = dc_0 ⊙ f_0。',
    };
  }
  const rel = (t: number) => formatNumber(steps[t].relative);
  if (!steps[last].ok) {
    const where = T === 1 ? { en: 'at the only step', zh: '在唯一的一步' } : { en: `already at the last step (t = ${last}), before anything has come back through time`, zh: `在最后一步（t = ${last}）就已出错，此时还没有任何梯度沿时间传回` };
    return {
      en: `The gate gradients dGates are wrong ${where.en} (relative error ${rel(last)}): check that step's local derivatives — dh = dhSeq_t (+ dhT), dc = dh ⊙ o ⊙ (1 − tanh²c_t) (+ dcT), then dz_o, dz_i, dz_f, dz_g through σ' = σ(1 − σ) and tanh' = 1 − tanh².`,
      zh: `门梯度 dGates ${where.zh}（相对误差 ${rel(last)}）：请检查这一步的局部导数——dh = dhSeq_t（+ dhT），dc = dh ⊙ o ⊙ (1 − tanh²c_t)（+ dcT），再经 σ' = σ(1 − σ) 和 tanh' = 1 − tanh² 得到 dz_o、dz_i、dz_f、dz_g。`,
    };
  }
  let first = last;
  while (first > 0 && steps[first - 1].ok) first--;
  const start = first - 1;
  return {
    en: `The gate gradients dGates match at the last step${first < last ? `s (t = ${first} … ${last})` : ` (t = ${last})`}; counting back, the first wrong step is t = ${start} (relative error ${rel(start)}; ${rel(0)} at t = 0). The error builds up back through time, so check what each step hands to the one before it: dh_{t−1} = dhSeq_{t−1} + dz_t·recurrentKernelᵀ and dc_{t−1} = dc_t ⊙ f_t.`,
    zh: `门梯度 dGates 在最后${first < last ? `几步（t = ${first} … ${last}）` : `一步（t = ${last}）`}正确；往回数，第一个出错的是 t = ${start}（相对误差 ${rel(start)}；t = 0 处为 ${rel(0)}）。误差是沿时间向前累积的，请检查每一步传给前一步的量：dh_{t−1} = dhSeq_{t−1} + dz_t·recurrentKernelᵀ，dc_{t−1} = dc_t ⊙ f_t。`,
  };
}

const mistake = (id: Flaw, en: string, zh: string) => ({
  id,
  message: { en, zh },
  variant: (args: WireValue[]) => onHost(args, flawedBackward(id)),
});

const gradient = (of: string, gates?: 'lstm') => ({ tolerance: 'gradient' as const, gradientOf: of, ...(gates ? { gates } : {}) });

export default defineSpec({
  id: '03-lstm-bptt',
  entries: ['lstmBackward'],
  allowList: 'from-scratch',
  timeBudgetMs: 10_000,
  memoryMb: 256,
  tolerance: 'gradient',
  outputs: {
    dKernel: gradient('kernel', 'lstm'),
    dRecurrentKernel: gradient('recurrentKernel', 'lstm'),
    dBias: gradient('bias', 'lstm'),
    dx: gradient('x'),
    dh0: gradient('h0'),
    dc0: gradient('c0'),
    'dGates.i': gradient('z_i, the input-gate pre-activation'),
    'dGates.f': gradient('z_f, the forget-gate pre-activation'),
    'dGates.g': gradient('z_g, the candidate pre-activation'),
    'dGates.o': gradient('z_o, the output-gate pre-activation'),
  },
  cases: [
    { name: 'T = 3, batch of 2 (I = 3, H = 2), loss on every h_t', visibility: 'visible', generate: backwardCase(1, { batch: 2, steps: 3, inputSize: 3, hiddenSize: 2, scale: 1, initialState: true, finalGradients: false, lossOnEveryStep: true }) },
    { name: 'T = 4, batch of 3 (I = 2, H = 3), with dhT and dcT', visibility: 'visible', generate: backwardCase(2, { batch: 3, steps: 4, inputSize: 2, hiddenSize: 3, scale: 1, initialState: true, finalGradients: true, lossOnEveryStep: true }) },
    { name: 'one step (T = 1)', visibility: 'hidden', generate: backwardCase(3, { batch: 2, steps: 1, inputSize: 3, hiddenSize: 3, scale: 1, initialState: true, finalGradients: true, lossOnEveryStep: true }) },
    { name: 'one example (B = 1)', visibility: 'hidden', generate: backwardCase(4, { batch: 1, steps: 5, inputSize: 3, hiddenSize: 4, scale: 1, initialState: true, finalGradients: true, lossOnEveryStep: true }) },
    { name: 'one unit (H = 1)', visibility: 'hidden', generate: backwardCase(5, { batch: 3, steps: 5, inputSize: 2, hiddenSize: 1, scale: 1, initialState: true, finalGradients: false, lossOnEveryStep: true }) },
    { name: 'zero initial state', visibility: 'hidden', generate: backwardCase(6, { batch: 2, steps: 4, inputSize: 3, hiddenSize: 3, scale: 1, initialState: false, finalGradients: false, lossOnEveryStep: true }) },
    { name: 'saturated gates', visibility: 'hidden', generate: backwardCase(7, { batch: 2, steps: 5, inputSize: 4, hiddenSize: 3, scale: 3, initialState: true, finalGradients: true, lossOnEveryStep: true }) },
    { name: 'loss on h_T only (every gradient comes back through time)', visibility: 'hidden', generate: backwardCase(8, { batch: 2, steps: 6, inputSize: 3, hiddenSize: 3, scale: 1, initialState: true, finalGradients: true, lossOnEveryStep: false }) },
    { name: 'longer (T = 12, B = 4, I = 6, H = 8)', visibility: 'hidden', generate: backwardCase(9, { batch: 4, steps: 12, inputSize: 6, hiddenSize: 8, scale: 0.7, initialState: true, finalGradients: true, lossOnEveryStep: true }) },
  ],
  reference: (args) => onHost(args, lstmBackward),
  diagnose: (actual, expected) => diagnoseInTime(actual, expected),
  knownMistakes: [
    mistake(
      'dc-not-carried',
      'dc is not carried back through time: c_t also reaches the loss through c_{t+1} = f_{t+1} ⊙ c_t + …, so dc_t = dc_{t+1} ⊙ f_{t+1} + dh_t ⊙ o_t ⊙ (1 − tanh²c_t) (and dcT at the last step).',
      'dc 没有沿时间向前传递：c_t 还会通过 c_{t+1} = f_{t+1} ⊙ c_t + … 影响损失，所以 dc_t = dc_{t+1} ⊙ f_{t+1} + dh_t ⊙ o_t ⊙ (1 − tanh²c_t)（最后一步还要加上 dcT）。',
    ),
    mistake(
      'dh-not-carried',
      'dh is not carried back through time: h_t is read by the loss and by step t + 1, so dh_t = dhSeq_t + dz_{t+1}·recurrentKernelᵀ (and dhT at the last step).',
      'dh 没有沿时间向前传递：h_t 既被损失读取，也被第 t + 1 步读取，所以 dh_t = dhSeq_t + dz_{t+1}·recurrentKernelᵀ（最后一步还要加上 dhT）。',
    ),
    mistake(
      'forget-gradient-uses-c-t',
      'the forget-gate gradient uses c_t; f multiplies the previous cell, so dz_f = dc ⊙ c_{t−1} ⊙ f(1 − f).',
      '遗忘门的梯度用了 c_t；f 乘的是上一步的记忆，所以 dz_f = dc ⊙ c_{t−1} ⊙ f(1 − f)。',
    ),
    mistake(
      'missing-tanh-derivative',
      'the path from h to c skips the derivative of tanh: h = o ⊙ tanh(c), so dc gets dh ⊙ o ⊙ (1 − tanh²c), not dh ⊙ o.',
      '从 h 到 c 的路径漏掉了 tanh 的导数：h = o ⊙ tanh(c)，所以 dc 得到的是 dh ⊙ o ⊙ (1 − tanh²c)，而不是 dh ⊙ o。',
    ),
    mistake(
      'ignores-final-gradients',
      'dhT and dcT are ignored: they are the gradients flowing into the final state, so start the backward loop from dh_next = dhT and dc_next = dcT (zeros only when they are null).',
      '忽略了 dhT 和 dcT：它们是流入最终状态的梯度，所以反向循环应从 dh_next = dhT、dc_next = dcT 开始（只有为 null 时才用零）。',
    ),
    mistake(
      'gate-order-ifog',
      'dz is assembled in the order i, f, o, g, so the weight gradients land in the wrong columns: concatenate [dz_i, dz_f, dz_g, dz_o], the order of the weights.',
      'dz 按 i, f, o, g 的顺序拼接，导致权重梯度落在了错误的列上：应按权重的顺序拼接 [dz_i, dz_f, dz_g, dz_o]。',
    ),
  ],
});
