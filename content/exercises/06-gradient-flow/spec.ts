// Checks of exercise 06-gradient-flow: ‖∂h_T/∂x_t‖ through time on a log scale against lib/lstm's gradientNormsThroughTime.
import { defineSpec } from '@/lib/grader/spec';
import { recordValue, tensorValue, type TensorValue, type WireValue } from '@/lib/grader/values';
import {
  createRng,
  disposeLstmCache,
  disposeRnnCache,
  glorotUniformValues,
  gradientNormsThroughTime,
  lstmForward,
  orthogonalValues,
  rnnForward,
  type LstmParams,
  type RnnParams,
} from '@/lib/lstm';
import { ready, tf } from '@/lib/tfjs';

/**
 * Norms are compared as |log10 got − log10 expected| ≤ 0.05 (≈ 12 %). Below 1e-12 a gradient has
 * vanished for every practical purpose, and float32 squares of such values start to underflow, so
 * everything smaller counts as 1e-12.
 */
const NORM_TOLERANCE = { kind: 'log' as const, maxLog10Error: 0.05, floor: 1e-12 };

interface RecurrentCase {
  T: number;
  I: number;
  H: number;
  /** multiplies the orthogonal recurrent kernel: < 1 shrinks the state, > 1 saturates tanh */
  recurrentGain: number;
  /** multiplies the glorot input kernel (≥ 3 saturates the gates) */
  inputGain?: number;
  /** LSTM only: the forget-gate block of the bias */
  forgetBias?: number;
  /** standard deviation of the inputs */
  xScale?: number;
}

function scaled(values: Float32Array, gain: number): Float32Array {
  return values.map((v) => v * gain);
}

/** One sequence x [1, T, I] of normal samples. */
function sequence(seed: number, T: number, I: number, scale: number): TensorValue {
  const rng = createRng(seed);
  return tensorValue([1, T, I], Array.from({ length: T * I }, () => rng.normal(0, scale)));
}

/** rnnGradientNorms(x [1, T, I], { kernel [I, H], recurrentKernel [H, H], bias [H] }) */
function rnnCase({ T, I, H, recurrentGain, inputGain = 1, xScale = 1 }: RecurrentCase) {
  return (seed: number): WireValue[] => {
    const rng = createRng(seed * 1000 + 7);
    const kernel = scaled(glorotUniformValues(I, H, rng), inputGain);
    const recurrentKernel = scaled(orthogonalValues(H, H, rng), recurrentGain);
    const bias = Array.from({ length: H }, () => rng.uniform(-0.1, 0.1));
    return [
      sequence(seed * 1000 + 1, T, I, xScale),
      recordValue({ kernel: tensorValue([I, H], kernel), recurrentKernel: tensorValue([H, H], recurrentKernel), bias: tensorValue([H], bias) }),
    ];
  };
}

/** lstmGradientNorms(x [1, T, I], { kernel [I, 4H], recurrentKernel [H, 4H], bias [4H] }) */
function lstmCase({ T, I, H, recurrentGain, inputGain = 1, forgetBias = 1, xScale = 1 }: RecurrentCase) {
  return (seed: number): WireValue[] => {
    const rng = createRng(seed * 1000 + 9);
    const kernel = scaled(glorotUniformValues(I, 4 * H, rng), inputGain);
    const recurrentKernel = scaled(orthogonalValues(H, 4 * H, rng), recurrentGain);
    const bias = Array.from({ length: 4 * H }, (_, k) => (k >= H && k < 2 * H ? forgetBias : rng.uniform(-0.1, 0.1)));
    return [
      sequence(seed * 1000 + 2, T, I, xScale),
      recordValue({ kernel: tensorValue([I, 4 * H], kernel), recurrentKernel: tensorValue([H, 4 * H], recurrentKernel), bias: tensorValue([4 * H], bias) }),
    ];
  };
}

const toTensor = (v: WireValue) => {
  const t = v as TensorValue;
  return tf.tensor(t.data, t.shape, t.dtype);
};

function paramsOf(v: WireValue): { kernel: tf.Tensor2D; recurrentKernel: tf.Tensor2D; bias: tf.Tensor1D } {
  const e = (v as Extract<WireValue, { kind: 'record' }>).entries;
  return { kernel: toTensor(e.kernel) as tf.Tensor2D, recurrentKernel: toTensor(e.recurrentKernel) as tf.Tensor2D, bias: toTensor(e.bias) as tf.Tensor1D };
}

/** How a broken backward pass differs from the right one. */
interface Breakage {
  dhNotCarried?: boolean;
  dcNotCarried?: boolean;
  cInsteadOfCPrev?: boolean;
  noTanhDerivative?: boolean;
  /** one pass from dh_T = ones instead of H passes from dh_T = e_k */
  seedOnes?: boolean;
}

/** Per-step Frobenius norms of dx_t [copies, I], from a list of T dx tensors. */
function normsOf(dxs: tf.Tensor2D[]): tf.Tensor1D {
  return tf.stack(dxs.map((dx) => dx.square().sum().sqrt())) as tf.Tensor1D; // [T]
}

/** The RNN's norms with a broken backward pass (host side, built on lib/lstm's forward). */
function brokenRnnNorms(x: tf.Tensor3D, p: RnnParams, b: Breakage): tf.Tensor1D {
  const H = p.recurrentKernel.shape[0];
  const copies = b.seedOnes ? 1 : H;
  const run = rnnForward(tf.tile(x, [copies, 1, 1]) as tf.Tensor3D, p);
  const steps = run.cache.steps;
  let dh: tf.Tensor2D = b.seedOnes ? tf.ones([1, H]) : tf.eye(H); // [copies, H]
  const dxs: tf.Tensor2D[] = new Array(steps.length);
  for (let t = steps.length - 1; t >= 0; t--) {
    const da = b.noTanhDerivative ? dh : (dh.mul(tf.sub(1, steps[t].h.square())) as tf.Tensor2D); // [copies, H]
    dxs[t] = da.matMul(p.kernel.transpose()) as tf.Tensor2D; // [copies, I]
    dh = b.dhNotCarried ? tf.zeros([copies, H]) : (da.matMul(p.recurrentKernel.transpose()) as tf.Tensor2D); // [copies, H]
  }
  disposeRnnCache(run.cache);
  return normsOf(dxs);
}

/** The LSTM's norms with a broken backward pass (host side, built on lib/lstm's forward). */
function brokenLstmNorms(x: tf.Tensor3D, p: LstmParams, b: Breakage): tf.Tensor1D {
  const H = p.recurrentKernel.shape[0];
  const copies = b.seedOnes ? 1 : H;
  const run = lstmForward(tf.tile(x, [copies, 1, 1]) as tf.Tensor3D, p);
  const steps = run.cache.steps;
  const slope = (a: tf.Tensor) => a.mul(tf.sub(1, a));
  let dh: tf.Tensor2D = b.seedOnes ? tf.ones([1, H]) : tf.eye(H); // [copies, H]
  let dcNext: tf.Tensor2D = tf.zeros([copies, H]); // [copies, H]
  const dxs: tf.Tensor2D[] = new Array(steps.length);
  for (let t = steps.length - 1; t >= 0; t--) {
    const { i, f, g, o, c, cPrev, tanhC } = steps[t];
    const dc = (b.dcNotCarried ? tf.zeros([copies, H]) : dcNext).add(dh.mul(o).mul(tf.sub(1, tanhC.square()))); // [copies, H]
    const dz = tf.concat(
      [dc.mul(g).mul(slope(i)), dc.mul(b.cInsteadOfCPrev ? c : cPrev).mul(slope(f)), dc.mul(i).mul(tf.sub(1, g.square())), dh.mul(tanhC).mul(slope(o))],
      1,
    ); // [copies, 4H]
    dxs[t] = dz.matMul(p.kernel.transpose()) as tf.Tensor2D; // [copies, I]
    dh = b.dhNotCarried ? tf.zeros([copies, H]) : (dz.matMul(p.recurrentKernel.transpose()) as tf.Tensor2D); // [copies, H]
    dcNext = dc.mul(f) as tf.Tensor2D; // [copies, H]
  }
  disposeLstmCache(run.cache);
  return normsOf(dxs);
}

/** The reference (breakage null) or a broken variant, for either entry. */
async function onHost(args: WireValue[], entry: string, breakage: Breakage | null): Promise<WireValue> {
  await ready();
  const x = toTensor(args[0]) as tf.Tensor3D;
  const p = paramsOf(args[1]);
  try {
    if (!breakage) {
      const norms = entry === 'rnnGradientNorms' ? gradientNormsThroughTime('rnn', p, x) : gradientNormsThroughTime('lstm', p, x);
      return tensorValue([norms.length], norms);
    }
    const norms = tf.tidy(() => (entry === 'rnnGradientNorms' ? brokenRnnNorms(x, p, breakage) : brokenLstmNorms(x, p, breakage)));
    const value = tensorValue(norms.shape, norms.dataSync());
    norms.dispose();
    return value;
  } finally {
    tf.dispose([x, p.kernel, p.recurrentKernel, p.bias]);
  }
}

/** Fewer steps than this give too few norms to tell the mistakes apart: one number can land near any of them. */
const MIN_STEPS_TO_NAME_A_MISTAKE = 3;

/**
 * A known mistake of one or both entries. Its variant is null (never matches, so never named) for an
 * entry it does not concern and for sequences shorter than {@link MIN_STEPS_TO_NAME_A_MISTAKE}.
 */
function mistake(id: string, en: string, zh: string, breakage: Breakage, entries: string[]) {
  return {
    id,
    message: { en, zh },
    variant: (args: WireValue[], entry: string): WireValue | Promise<WireValue> =>
      entries.includes(entry) && (args[0] as TensorValue).shape[1] >= MIN_STEPS_TO_NAME_A_MISTAKE
        ? onHost(args, entry, breakage)
        : { kind: 'null' },
  };
}

const RNN = 'rnnGradientNorms';
const LSTM = 'lstmGradientNorms';

export default defineSpec({
  id: '06-gradient-flow',
  entries: [RNN, LSTM],
  allowList: 'from-scratch',
  timeBudgetMs: 20_000,
  memoryMb: 256,
  tolerance: NORM_TOLERANCE,
  cases: [
    { name: 'vanilla RNN, T=20, I=3, H=6', visibility: 'visible', entry: RNN, generate: rnnCase({ T: 20, I: 3, H: 6, recurrentGain: 1 }) },
    { name: 'LSTM, T=20, I=3, H=6, forget bias 0', visibility: 'visible', entry: LSTM, generate: lstmCase({ T: 20, I: 3, H: 6, recurrentGain: 1, forgetBias: 0, xScale: 1.5 }) },
    { name: 'vanilla RNN, T=100: the gradient vanishes', visibility: 'hidden', entry: RNN, generate: rnnCase({ T: 100, I: 4, H: 8, recurrentGain: 0.9 }) },
    { name: 'vanilla RNN, T=50, large recurrent weights (gain 1.5)', visibility: 'hidden', entry: RNN, generate: rnnCase({ T: 50, I: 4, H: 8, recurrentGain: 1.5 }) },
    { name: 'LSTM, T=100, forget bias 3: the gradient survives', visibility: 'hidden', entry: LSTM, generate: lstmCase({ T: 100, I: 4, H: 8, recurrentGain: 1, forgetBias: 3 }) },
    { name: 'LSTM, T=50, saturated gates', visibility: 'hidden', entry: LSTM, generate: lstmCase({ T: 50, I: 4, H: 8, recurrentGain: 1, inputGain: 4, forgetBias: 1, xScale: 2 }) },
    { name: 'vanilla RNN, T=1', visibility: 'hidden', entry: RNN, generate: rnnCase({ T: 1, I: 3, H: 5, recurrentGain: 1 }) },
    { name: 'LSTM, T=1', visibility: 'hidden', entry: LSTM, generate: lstmCase({ T: 1, I: 3, H: 5, recurrentGain: 1 }) },
    { name: 'vanilla RNN, H=1, I=1, T=30', visibility: 'hidden', entry: RNN, generate: rnnCase({ T: 30, I: 1, H: 1, recurrentGain: 0.95 }) },
    { name: 'LSTM, H=1, I=1, T=60, forget bias 2', visibility: 'hidden', entry: LSTM, generate: lstmCase({ T: 60, I: 1, H: 1, recurrentGain: 1, forgetBias: 2 }) },
  ],
  reference: (args, entry) => onHost(args, entry, null),
  knownMistakes: [
    mistake(
      'dh-not-carried',
      'dh is not carried back through time: only the last input x_{T−1} gets a gradient through h. Each step must pass dh_{t−1} = dz_t · Uᵀ on to the step before it.',
      'dh 没有随时间向前传递：只有最后一个输入 x_{T−1} 通过 h 得到梯度。每一步都必须把 dh_{t−1} = dz_t · Uᵀ 传给前一步。',
      { dhNotCarried: true },
      [RNN, LSTM],
    ),
    mistake(
      'dc-not-carried',
      'dc is not carried back through time. The cell state is the LSTM\'s gradient highway: dc_{t−1} = dc_t ⊙ f_t must be added to the next (earlier) step\'s dc — that path is why the LSTM keeps gradients alive.',
      'dc 没有随时间向前传递。细胞状态是 LSTM 的梯度高速通道：dc_{t−1} = dc_t ⊙ f_t 必须加到前一步的 dc 上——正是这条路径让 LSTM 的梯度不消失。',
      { dcNotCarried: true },
      [LSTM],
    ),
    mistake(
      'c-instead-of-cprev',
      'the forget gate\'s gradient uses c_t; in the forward pass f multiplies c_{t−1} (c_t = f ⊙ c_{t−1} + i ⊙ g), so dz_f = dc ⊙ c_{t−1} ⊙ f(1 − f).',
      '遗忘门的梯度用了 c_t；前向传播中 f 乘的是 c_{t−1}（c_t = f ⊙ c_{t−1} + i ⊙ g），所以 dz_f = dc ⊙ c_{t−1} ⊙ f(1 − f)。',
      { cInsteadOfCPrev: true },
      [LSTM],
    ),
    mistake(
      'missing-tanh-derivative',
      'the backward pass skips tanh\'s derivative: da_t = dh_t ⊙ (1 − h_t²) at every step, and it is exactly this factor (together with U) that makes the RNN\'s gradient vanish.',
      '反向传播漏掉了 tanh 的导数：每一步都是 da_t = dh_t ⊙ (1 − h_t²)，而正是这个因子（连同 U）使 RNN 的梯度消失。',
      { noTanhDerivative: true },
      [RNN],
    ),
    mistake(
      'gradient-of-sum',
      'this is the norm of ∂(Σ_k h_T[k])/∂x_t (one backward pass from dh_T = ones), not of the Jacobian ∂h_T/∂x_t. The Jacobian needs one backward pass per component k, seeded with dh_T = e_k — run them all at once on H copies of the sequence with dh_T = the identity.',
      '这是 ∂(Σ_k h_T[k])/∂x_t 的范数（从 dh_T = 全 1 做一次反向传播），而不是雅可比矩阵 ∂h_T/∂x_t 的范数。雅可比矩阵需要对每个分量 k 做一次反向传播，初值 dh_T = e_k——可以把序列复制 H 份、以单位矩阵作为 dh_T，一次全部算完。',
      { seedOnes: true },
      [RNN, LSTM],
    ),
  ],
});
