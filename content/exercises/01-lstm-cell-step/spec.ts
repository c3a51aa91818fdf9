// Checks of exercise 01 (one LSTM step): seeded cases, lib/lstm's lstmCellStep on the host, broken variants for known mistakes.
import { createRng, lstmCellStep, type LstmParams } from '@/lib/lstm';
import { defineSpec } from '@/lib/grader/spec';
import { recordValue, tensorToValue, tensorValue, valueToArgument, type TensorValue, type WireValue } from '@/lib/grader/values';
import { ready, tf } from '@/lib/tfjs';

/** Sizes and value ranges of one case. */
interface StepCase {
  batch: number;
  inputSize: number;
  hiddenSize: number;
  /** Weights and inputs are drawn from U(−scale, scale); 3 saturates the gates. */
  scale: number;
  /** false: hPrev = cPrev = 0. */
  nonzeroState: boolean;
}

/** Arguments (x, hPrev, cPrev, params) of a case, drawn from `seed` and a per-case salt. */
function stepCase(salt: number, c: StepCase) {
  return (seed: number): WireValue[] => {
    const rng = createRng(seed * 7919 + salt);
    const draw = (shape: number[], range: number): TensorValue =>
      tensorValue(shape, Array.from({ length: shape.reduce((n, d) => n * d, 1) }, () => rng.uniform(-range, range)));
    const { batch: B, inputSize: I, hiddenSize: H, scale } = c;
    const state = (range: number) => (c.nonzeroState ? draw([B, H], range) : tensorValue([B, H], new Array(B * H).fill(0)));
    const x = draw([B, I], scale); // [B, I]
    const hPrev = state(0.9); // [B, H], inside tanh's range like a real h
    const cPrev = state(2); // [B, H]
    const params = recordValue({
      kernel: draw([I, 4 * H], scale), // [I, 4H]
      recurrentKernel: draw([H, 4 * H], scale), // [H, 4H]
      bias: draw([4 * H], scale / 2), // [4H]
    });
    return [x, hPrev, cPrev, params];
  };
}

type StepFunction = (x: tf.Tensor2D, hPrev: tf.Tensor2D, cPrev: tf.Tensor2D, p: LstmParams) => {
  h: tf.Tensor;
  c: tf.Tensor;
  gates: { i: tf.Tensor; f: tf.Tensor; g: tf.Tensor; o: tf.Tensor };
};

/** Runs `body` inside a tfjs scope: every tensor it creates is freed when it returns plain data. */
function inScope(body: () => WireValue): WireValue {
  tf.engine().startScope();
  try {
    return body();
  } finally {
    tf.engine().endScope();
  }
}

/** Runs `step` on the host's tfjs with the case's arguments; the expected value lists gates, then c, then h (the order of the computation, so the first mismatch reported is the earliest). */
async function onHost(args: WireValue[], step: StepFunction): Promise<WireValue> {
  await ready();
  return inScope(() => {
    const [x, hPrev, cPrev, p] = args.map((a) => valueToArgument(tf, a)) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, LstmParams];
    const { h, c, gates } = step(x, hPrev, cPrev, p);
    const read = (t: tf.Tensor) => tensorToValue(t);
    return recordValue({
      gates: recordValue({ i: read(gates.i), f: read(gates.f), g: read(gates.g), o: read(gates.o) }),
      c: read(c),
      h: read(h),
    });
  });
}

/** The known mistakes, each a deliberate change to one line of the step. */
type Flaw =
  | 'cell-drops-c-prev'
  | 'hidden-uses-c-prev'
  | 'no-recurrent-term'
  | 'gate-order-ifog'
  | 'tanh-on-forget-gate'
  | 'tanh-on-output-gate'
  | 'transposed-recurrent-blocks';

/** An LSTM step with one flaw, written independently of lib/lstm so each flaw is a single visible change. */
function flawedStep(flaw: Flaw): StepFunction {
  return (x, hPrev, cPrev, p) => {
    const U =
      flaw === 'transposed-recurrent-blocks'
        ? tf.concat(tf.split(p.recurrentKernel, 4, 1).map((block) => tf.transpose(block)), 1) // [H, 4H], each [H, H] block transposed
        : p.recurrentKernel; // [H, 4H]
    const inputTerm = tf.add(tf.matMul(x, p.kernel), p.bias); // [B, 4H]
    const z = flaw === 'no-recurrent-term' ? inputTerm : tf.add(inputTerm, tf.matMul(hPrev, U)); // [B, 4H]
    const blocks = tf.split(z, 4, 1); // [B, H] each
    const [zi, zf, zg, zo] = flaw === 'gate-order-ifog' ? [blocks[0], blocks[1], blocks[3], blocks[2]] : blocks;
    const i = tf.sigmoid(zi); // [B, H]
    const f = flaw === 'tanh-on-forget-gate' ? tf.tanh(zf) : tf.sigmoid(zf); // [B, H]
    const g = tf.tanh(zg); // [B, H]
    const o = flaw === 'tanh-on-output-gate' ? tf.tanh(zo) : tf.sigmoid(zo); // [B, H]
    const c = flaw === 'cell-drops-c-prev' ? tf.mul(i, g) : tf.add(tf.mul(f, cPrev), tf.mul(i, g)); // [B, H]
    const h = tf.mul(o, tf.tanh(flaw === 'hidden-uses-c-prev' ? cPrev : c)); // [B, H]
    return { h, c, gates: { i, f, g, o } };
  };
}

const mistake = (id: Flaw, en: string, zh: string) => ({
  id,
  message: { en, zh },
  variant: (args: WireValue[]) => onHost(args, flawedStep(id)),
});

export default defineSpec({
  id: '01-lstm-cell-step',
  entries: ['lstmCellStep'],
  allowList: 'from-scratch',
  timeBudgetMs: 10_000,
  memoryMb: 256,
  tolerance: 'forward',
  cases: [
    { name: 'batch of 2 (I = 3, H = 2)', visibility: 'visible', generate: stepCase(1, { batch: 2, inputSize: 3, hiddenSize: 2, scale: 1, nonzeroState: true }) },
    { name: 'batch of 4 (I = 5, H = 3)', visibility: 'visible', generate: stepCase(2, { batch: 4, inputSize: 5, hiddenSize: 3, scale: 1, nonzeroState: true }) },
    { name: 'one example (B = 1)', visibility: 'hidden', generate: stepCase(3, { batch: 1, inputSize: 4, hiddenSize: 3, scale: 1, nonzeroState: true }) },
    { name: 'one unit (H = 1)', visibility: 'hidden', generate: stepCase(4, { batch: 3, inputSize: 2, hiddenSize: 1, scale: 1, nonzeroState: true }) },
    { name: 'one input feature (I = 1)', visibility: 'hidden', generate: stepCase(5, { batch: 2, inputSize: 1, hiddenSize: 4, scale: 1, nonzeroState: true }) },
    { name: 'saturated gates', visibility: 'hidden', generate: stepCase(6, { batch: 3, inputSize: 4, hiddenSize: 4, scale: 3, nonzeroState: true }) },
    { name: 'zero initial state', visibility: 'hidden', generate: stepCase(7, { batch: 2, inputSize: 3, hiddenSize: 5, scale: 1, nonzeroState: false }) },
    { name: 'larger (B = 8, I = 16, H = 32)', visibility: 'hidden', generate: stepCase(8, { batch: 8, inputSize: 16, hiddenSize: 32, scale: 0.5, nonzeroState: true }) },
  ],
  reference: (args) => onHost(args, lstmCellStep),
  knownMistakes: [
    mistake(
      'cell-drops-c-prev',
      'the cell update drops c_{t−1}: c_t = i ⊙ g. The forget gate exists to keep part of the old cell: c_t = f ⊙ c_{t−1} + i ⊙ g.',
      '记忆单元更新丢掉了 c_{t−1}：写成了 c_t = i ⊙ g。遗忘门的作用正是保留一部分旧记忆：c_t = f ⊙ c_{t−1} + i ⊙ g。',
    ),
    mistake(
      'hidden-uses-c-prev',
      'h is computed from the old cell c_{t−1}; it must use the new one: h_t = o ⊙ tanh(c_t).',
      'h 是用旧的记忆 c_{t−1} 计算的；应使用新的记忆：h_t = o ⊙ tanh(c_t)。',
    ),
    mistake(
      'no-recurrent-term',
      'hPrev never multiplies recurrentKernel, so the step cannot see the past: z = x·kernel + hPrev·recurrentKernel + bias.',
      'hPrev 没有乘以 recurrentKernel，这一步看不到过去：z = x·kernel + hPrev·recurrentKernel + bias。',
    ),
    mistake(
      'gate-order-ifog',
      'the blocks are read in the order i, f, o, g. In the Keras / tf.layers layout they are i, f, g, o: the third block is the candidate g (tanh), the fourth the output gate o.',
      '分块顺序被当成了 i, f, o, g。Keras / tf.layers 的布局是 i, f, g, o：第三块是候选值 g（tanh），第四块是输出门 o。',
    ),
    mistake(
      'tanh-on-forget-gate',
      'the forget gate uses tanh; gates use a sigmoid so that they lie between 0 and 1 (tanh lets f flip the sign of the cell).',
      '遗忘门用了 tanh；门控应使用 sigmoid，使取值在 0 到 1 之间（tanh 会让 f 翻转记忆的符号）。',
    ),
    mistake(
      'tanh-on-output-gate',
      'the output gate uses tanh; gates use a sigmoid so that they lie between 0 and 1.',
      '输出门用了 tanh；门控应使用 sigmoid，使取值在 0 到 1 之间。',
    ),
    mistake(
      'transposed-recurrent-blocks',
      "each gate's [H, H] block of recurrentKernel is used transposed (hPrev·Uᵀ). The column-vector equation U·h becomes hPrev·U with row vectors, and the Keras layout is already [H, 4H]: multiply hPrev·recurrentKernel as it is.",
      '每个门的 [H, H] 循环权重块被转置使用了（hPrev·Uᵀ）。列向量公式 U·h 在行向量写法中是 hPrev·U，而 Keras 布局本来就是 [H, 4H]：直接计算 hPrev·recurrentKernel。',
    ),
  ],
});
