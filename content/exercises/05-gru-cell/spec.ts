// Checks of exercise 05-gru-cell: one step and whole sequences, compared with lib/lstm's GRU; known mistakes as broken GRUs.
import { defineSpec } from '@/lib/grader/spec';
import { recordValue, tensorToValue, tensorValue, type TensorValue, type WireValue } from '@/lib/grader/values';
import { createRng, gruCellStep, gruForward, type GruParams } from '@/lib/lstm';
import { ready, tf } from '@/lib/tfjs';

/** Uniform values in [−scale, scale). */
function uniformTensor(seed: number, shape: number[], scale: number): TensorValue {
  const rng = createRng(seed);
  const size = shape.reduce((n, d) => n * d, 1);
  return tensorValue(shape, Array.from({ length: size }, () => rng.uniform(-scale, scale)));
}

/** GRU weights kernel [I, 3H], recurrentKernel [H, 3H], bias [2, 3H] (both bias rows nonzero). */
function gruParams(seed: number, I: number, H: number, scale: number): WireValue {
  return recordValue({
    kernel: uniformTensor(seed + 11, [I, 3 * H], scale),
    recurrentKernel: uniformTensor(seed + 12, [H, 3 * H], scale),
    bias: uniformTensor(seed + 13, [2, 3 * H], scale),
  });
}

interface Sizes {
  B: number;
  I: number;
  H: number;
  /** weight range: 1 is typical, ≥ 3 saturates the gates */
  scale: number;
  /** range of the inputs and of the initial state (0 = zero state) */
  xScale?: number;
  h0Scale?: number;
}

/** gruCellStep(x [B, I], hPrev [B, H], params) */
function stepCase({ B, I, H, scale, xScale = 1, h0Scale = 0.8 }: Sizes) {
  return (seed: number): WireValue[] => [
    uniformTensor(seed * 1000 + 1, [B, I], xScale),
    uniformTensor(seed * 1000 + 2, [B, H], h0Scale),
    gruParams(seed * 1000, I, H, scale),
  ];
}

/** gruForward(x [B, T, I], params, h0 [B, H]) */
function sequenceCase(T: number, { B, I, H, scale, xScale = 1, h0Scale = 0 }: Sizes) {
  return (seed: number): WireValue[] => [
    uniformTensor(seed * 1000 + 3, [B, T, I], xScale),
    gruParams(seed * 1000, I, H, scale),
    h0Scale === 0 ? tensorValue([B, H], new Array(B * H).fill(0)) : uniformTensor(seed * 1000 + 4, [B, H], h0Scale),
  ];
}

const toTensor = (v: WireValue) => {
  const t = v as TensorValue;
  return tf.tensor(t.data, t.shape, t.dtype);
};

function paramsOf(v: WireValue): GruParams {
  const e = (v as Extract<WireValue, { kind: 'record' }>).entries;
  return { kernel: toTensor(e.kernel) as tf.Tensor2D, recurrentKernel: toTensor(e.recurrentKernel) as tf.Tensor2D, bias: toTensor(e.bias) as tf.Tensor2D };
}

/** How a broken GRU differs from the right one. */
interface Breakage {
  updateReversed?: boolean;
  resetBeforeMatMul?: boolean;
  gateOrderRzh?: boolean;
  tanhGates?: boolean;
  recurrentBiasOutsideReset?: boolean;
  stateNotCarried?: boolean;
}

/** A GRU step written out with each convention switchable (host side, for the known-mistake variants). */
function brokenStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, p: GruParams, b: Breakage): tf.Tensor2D {
  const H = hPrev.shape[1];
  const [inputBias, recurrentBias] = tf.unstack(p.bias) as tf.Tensor1D[]; // [3H] each
  const blocks = (m: tf.Tensor): tf.Tensor2D[] => {
    const [first, second, third] = tf.split(m, 3, m.rank - 1) as tf.Tensor2D[];
    return b.gateOrderRzh ? [second, first, third] : [first, second, third]; // as z, r, h̃
  };
  const [Wz, Wr, Wh] = blocks(p.kernel); // [I, H] each
  const [Uz, Ur, Uh] = blocks(p.recurrentKernel); // [H, H] each
  const [biz, bir, bih] = blocks(inputBias.reshape([1, 3 * H])); // [1, H] each
  const [brz, brr, brh] = blocks(recurrentBias.reshape([1, 3 * H])); // [1, H] each
  const gate = (v: tf.Tensor) => (b.tanhGates ? tf.tanh(v) : tf.sigmoid(v));
  const z = gate(x.matMul(Wz).add(biz).add(hPrev.matMul(Uz)).add(brz)); // [B, H]
  const r = gate(x.matMul(Wr).add(bir).add(hPrev.matMul(Ur)).add(brr)); // [B, H]
  let recurrentCandidate: tf.Tensor; // [B, H]
  if (b.resetBeforeMatMul) recurrentCandidate = r.mul(hPrev).matMul(Uh).add(brh);
  else if (b.recurrentBiasOutsideReset) recurrentCandidate = r.mul(hPrev.matMul(Uh)).add(brh);
  else recurrentCandidate = r.mul(hPrev.matMul(Uh).add(brh));
  const hTilde = tf.tanh(x.matMul(Wh).add(bih).add(recurrentCandidate)); // [B, H]
  const [keep, take] = b.updateReversed ? [tf.sub(1, z), z] : [z, tf.sub(1, z)];
  return keep.mul(hPrev).add(take.mul(hTilde)) as tf.Tensor2D; // [B, H]
}

/** `tf.tidy` for a function that returns a wire value (plain data: nothing in it to keep). */
function tidyValue(fn: () => WireValue): WireValue {
  return tf.tidy(fn as unknown as () => tf.TensorContainer) as unknown as WireValue;
}

/** Runs the reference (no breakage) or a broken GRU on the host for either entry. */
async function onHost(args: WireValue[], entry: string, breakage: Breakage | null): Promise<WireValue> {
  await ready();
  return tidyValue(() => {
    if (entry === 'gruCellStep') {
      const [x, hPrev, p] = [toTensor(args[0]) as tf.Tensor2D, toTensor(args[1]) as tf.Tensor2D, paramsOf(args[2])];
      const h = breakage ? brokenStep(x, hPrev, p, breakage) : gruCellStep(x, hPrev, p).h;
      return tensorToValue(h);
    }
    const [x, p, h0] = [toTensor(args[0]) as tf.Tensor3D, paramsOf(args[1]), toTensor(args[2]) as tf.Tensor2D];
    if (!breakage) {
      const run = gruForward(x, p, { h0 });
      return recordValue({ hSeq: tensorToValue(run.hSeq), hT: tensorToValue(run.hT) });
    }
    const hs: tf.Tensor2D[] = [];
    let h = h0;
    for (const xt of tf.unstack(x, 1) as tf.Tensor2D[]) {
      h = brokenStep(xt, breakage.stateNotCarried ? h0 : h, p, breakage);
      hs.push(h);
    }
    return recordValue({ hSeq: tensorToValue(tf.stack(hs, 1)), hT: tensorToValue(h) });
  });
}

/** H of a case: hPrev [B, H] is argument 1 of gruCellStep, h0 [B, H] argument 2 of gruForward. */
function hiddenSizeOf(args: WireValue[], entry: string): number {
  return (args[entry === 'gruCellStep' ? 1 : 2] as TensorValue).shape[1];
}

/**
 * A known mistake: its message and the broken GRU that reproduces it. With `needsWideState`, the
 * mistake is not named when H = 1: there (r ⊙ h)·U_h = r ⊙ (h·U_h), so reset-before-matmul and
 * recurrent-bias-outside-reset give the same numbers and naming either would be a guess.
 */
function mistake(id: string, en: string, zh: string, breakage: Breakage, needsWideState = false) {
  return {
    id,
    message: { en, zh },
    variant: (args: WireValue[], entry: string): WireValue | Promise<WireValue> =>
      needsWideState && hiddenSizeOf(args, entry) === 1 ? { kind: 'null' } : onHost(args, entry, breakage),
  };
}

export default defineSpec({
  id: '05-gru-cell',
  entries: ['gruCellStep', 'gruForward'],
  allowList: 'from-scratch',
  timeBudgetMs: 10_000,
  memoryMb: 256,
  tolerance: 'forward',
  cases: [
    { name: 'one step, B=2, I=3, H=4', visibility: 'visible', generate: stepCase({ B: 2, I: 3, H: 4, scale: 1 }) },
    { name: 'sequence, B=2, T=5, I=3, H=4, nonzero h0', visibility: 'visible', entry: 'gruForward', generate: sequenceCase(5, { B: 2, I: 3, H: 4, scale: 1, h0Scale: 0.5 }) },
    { name: 'one step, B=1, I=1, H=1', visibility: 'hidden', generate: stepCase({ B: 1, I: 1, H: 1, scale: 1 }) },
    { name: 'one step, saturated gates (weights up to ±4)', visibility: 'hidden', generate: stepCase({ B: 3, I: 5, H: 6, scale: 4, xScale: 3 }) },
    { name: 'one step, B=8, I=H=16', visibility: 'hidden', generate: stepCase({ B: 8, I: 16, H: 16, scale: 0.5 }) },
    { name: 'sequence with T=1', visibility: 'hidden', entry: 'gruForward', generate: sequenceCase(1, { B: 3, I: 2, H: 5, scale: 1, h0Scale: 0.5 }) },
    { name: 'sequence, B=1, H=1, zero h0', visibility: 'hidden', entry: 'gruForward', generate: sequenceCase(7, { B: 1, I: 2, H: 1, scale: 1 }) },
    { name: 'sequence, saturated gates', visibility: 'hidden', entry: 'gruForward', generate: sequenceCase(6, { B: 2, I: 3, H: 4, scale: 4, xScale: 3, h0Scale: 0.9 }) },
    { name: 'longer sequence, B=4, T=30, I=8, H=12', visibility: 'hidden', entry: 'gruForward', generate: sequenceCase(30, { B: 4, I: 8, H: 12, scale: 0.5, h0Scale: 0.3 }) },
  ],
  reference: (args, entry) => onHost(args, entry, null),
  knownMistakes: [
    mistake(
      'update-gate-reversed',
      'the update gate is applied the wrong way round: (1 − z) ⊙ h_{t−1} + z ⊙ h̃. In this convention (PyTorch, Keras) z is the share of the OLD state that is kept: h_t = z ⊙ h_{t−1} + (1 − z) ⊙ h̃.',
      '更新门用反了：写成了 (1 − z) ⊙ h_{t−1} + z ⊙ h̃。在本题的约定（PyTorch、Keras）中，z 是保留旧状态的比例：h_t = z ⊙ h_{t−1} + (1 − z) ⊙ h̃。',
      { updateReversed: true },
    ),
    mistake(
      'reset-before-matmul',
      'the reset gate multiplies h_{t−1} before the matMul, (r ⊙ h_{t−1})·U_h: that is Keras\' older reset_after=false GRU. Here r scales the whole recurrent term after the matMul: r ⊙ (h_{t−1}·U_h + b_rh).',
      '重置门在矩阵乘法之前乘到了 h_{t−1} 上，即 (r ⊙ h_{t−1})·U_h：这是 Keras 旧版 reset_after=false 的 GRU。本题中 r 在矩阵乘法之后缩放整个循环项：r ⊙ (h_{t−1}·U_h + b_rh)。',
      { resetBeforeMatMul: true },
      true,
    ),
    mistake(
      'gate-order-r-z-h',
      'the weight columns were read in PyTorch\'s order r, z, n. Our layout (Keras) puts the blocks in the order z, r, h̃.',
      '权重的列按 PyTorch 的顺序 r、z、n 读取了。本题（Keras）布局的分块顺序是 z、r、h̃。',
      { gateOrderRzh: true },
    ),
    mistake(
      'tanh-instead-of-sigmoid',
      'the update and reset gates use tanh. Gates are sigmoids, so that they lie between 0 and 1; only the candidate h̃ uses tanh.',
      '更新门和重置门用了 tanh。门必须用 sigmoid，取值才在 0 到 1 之间；只有候选状态 h̃ 用 tanh。',
      { tanhGates: true },
    ),
    mistake(
      'recurrent-bias-outside-reset',
      'the recurrent candidate bias b_rh was added outside the reset gate: r ⊙ (h_{t−1}·U_h) + b_rh. In the reset_after convention it sits inside: r ⊙ (h_{t−1}·U_h + b_rh), which is why the GRU keeps two bias rows.',
      '循环候选偏置 b_rh 被加在了重置门外面：r ⊙ (h_{t−1}·U_h) + b_rh。在 reset_after 约定中它在里面：r ⊙ (h_{t−1}·U_h + b_rh)，这也是 GRU 需要两行偏置的原因。',
      { recurrentBiasOutsideReset: true },
      true,
    ),
    mistake(
      'h-not-carried',
      'every step starts again from h0: pass each step\'s new h on as h_{t−1} of the next step.',
      '每一步都从 h0 重新开始了：应把每一步得到的新 h 作为下一步的 h_{t−1} 传下去。',
      { stateNotCarried: true },
    ),
  ],
});
