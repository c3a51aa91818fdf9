// Checks of exercise 02 (the LSTM over a sequence): seeded cases, lib/lstm's lstmForward on the host, broken loops for known mistakes.
import { createRng, lstmCellStep, lstmForward, type LstmParams } from '@/lib/lstm';
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
import { ready, tf } from '@/lib/tfjs';

/** Sizes and value ranges of one case. */
interface SequenceCase {
  batch: number;
  steps: number;
  inputSize: number;
  hiddenSize: number;
  /** Weights and inputs are drawn from U(−scale, scale); 3 saturates the gates. */
  scale: number;
  /** false: init is null (zeros). */
  initialState: boolean;
}

/** Arguments (x, params, init) of a case, drawn from `seed` and a per-case salt. */
function sequenceCase(salt: number, c: SequenceCase) {
  return (seed: number): WireValue[] => {
    const rng = createRng(seed * 7919 + salt);
    const draw = (shape: number[], range: number): TensorValue =>
      tensorValue(shape, Array.from({ length: shape.reduce((n, d) => n * d, 1) }, () => rng.uniform(-range, range)));
    const { batch: B, steps: T, inputSize: I, hiddenSize: H, scale } = c;
    const x = draw([B, T, I], scale); // [B, T, I]
    const params = recordValue({
      kernel: draw([I, 4 * H], scale), // [I, 4H]
      recurrentKernel: draw([H, 4 * H], scale), // [H, 4H]
      bias: draw([4 * H], scale / 2), // [4H]
    });
    const init: WireValue = c.initialState ? recordValue({ h0: draw([B, H], 0.9), c0: draw([B, H], 2) }) : { kind: 'null' };
    return [x, params, init];
  };
}

/** The tensors of a forward pass, as lstmForward and the broken loops below produce them. */
interface ForwardTensors {
  hSeq: tf.Tensor;
  hT: tf.Tensor;
  cT: tf.Tensor;
  steps: Record<'x' | 'hPrev' | 'cPrev' | 'i' | 'f' | 'g' | 'o' | 'c' | 'tanhC', tf.Tensor>[];
}

type ForwardFunction = (x: tf.Tensor3D, p: LstmParams, h0: tf.Tensor2D, c0: tf.Tensor2D) => ForwardTensors;

/** Runs `forward` on the host's tfjs with the case's arguments and reads { hSeq, hT, cT, cache } back. */
async function onHost(args: WireValue[], forward: ForwardFunction): Promise<WireValue> {
  await ready();
  tf.engine().startScope();
  try {
    const [x, p, init] = args.map((a) => valueToArgument(tf, a)) as [tf.Tensor3D, LstmParams, { h0: tf.Tensor2D; c0: tf.Tensor2D } | null];
    const [B] = x.shape;
    const H = p.recurrentKernel.shape[0];
    const h0 = init ? init.h0 : (tf.zeros([B, H]) as tf.Tensor2D); // [B, H]
    const c0 = init ? init.c0 : (tf.zeros([B, H]) as tf.Tensor2D); // [B, H]
    const out = forward(x, p, h0, c0);
    const read = (t: tf.Tensor) => tensorToValue(t);
    const readRecord = (r: Record<string, tf.Tensor>) => recordValue(Object.fromEntries(Object.entries(r).map(([k, t]) => [k, read(t)])));
    return recordValue({
      hSeq: read(out.hSeq),
      hT: read(out.hT),
      cT: read(out.cT),
      cache: recordValue({
        steps: listValue(out.steps.map(readRecord)),
        params: readRecord({ kernel: p.kernel, recurrentKernel: p.recurrentKernel, bias: p.bias }),
      }),
    });
  } finally {
    tf.engine().endScope();
  }
}

/** The reference: lib/lstm's lstmForward, its cache in the documented field order. */
const referenceForward: ForwardFunction = (x, p, h0, c0) => {
  const { hSeq, hT, cT, cache } = lstmForward(x, p, { h0, c0 });
  const steps = cache.steps.map((s) => ({ x: s.x, hPrev: s.hPrev, cPrev: s.cPrev, i: s.i, f: s.f, g: s.g, o: s.o, c: s.c, tanhC: s.tanhC }));
  return { hSeq, hT, cT, steps };
};

/** The known mistakes, each a deliberate change to the time loop. */
type Flaw = 'ignores-initial-state' | 'cell-state-not-carried' | 'no-recurrent-term' | 'hseq-off-by-one';

/** A time loop over lib/lstm's single step with one flaw in what it carries, records or returns. */
function flawedForward(flaw: Flaw): ForwardFunction {
  return (x, p, h0Given, c0Given) => {
    const [B, T] = x.shape;
    const H = p.recurrentKernel.shape[0];
    const ignoreInit = flaw === 'ignores-initial-state';
    const h0 = ignoreInit ? (tf.zeros([B, H]) as tf.Tensor2D) : h0Given; // [B, H]
    const c0 = ignoreInit ? (tf.zeros([B, H]) as tf.Tensor2D) : c0Given; // [B, H]
    // Without the recurrent term, z = x·kernel + bias: the same as multiplying h by zeros.
    const stepParams = flaw === 'no-recurrent-term' ? { ...p, recurrentKernel: tf.zerosLike(p.recurrentKernel) } : p;
    const inputs = tf.unstack(x, 1) as tf.Tensor2D[]; // T × [B, I]
    let h = h0;
    let c = c0;
    const steps: ForwardTensors['steps'] = [];
    const hs: tf.Tensor[] = [];
    for (let t = 0; t < T; t++) {
      const cIn = flaw === 'cell-state-not-carried' ? c0 : c; // [B, H]
      const next = lstmCellStep(inputs[t], h, cIn, stepParams);
      steps.push({ x: inputs[t], hPrev: h, cPrev: cIn, ...next.gates, c: next.c, tanhC: tf.tanh(next.c) });
      hs.push(flaw === 'hseq-off-by-one' ? h : next.h);
      h = next.h;
      c = next.c;
    }
    // The loop that never carries c also never updates the variable it returns.
    const cT = flaw === 'cell-state-not-carried' ? c0 : c;
    return { hSeq: tf.stack(hs, 1), hT: h, cT, steps };
  };
}

const mistake = (id: Flaw, en: string, zh: string) => ({
  id,
  message: { en, zh },
  variant: (args: WireValue[]) => onHost(args, flawedForward(id)),
});

export default defineSpec({
  id: '02-lstm-forward',
  entries: ['lstmForward'],
  allowList: 'from-scratch',
  timeBudgetMs: 10_000,
  memoryMb: 256,
  tolerance: 'forward',
  cases: [
    { name: 'T = 4, batch of 2 (I = 3, H = 2), zero initial state', visibility: 'visible', generate: sequenceCase(1, { batch: 2, steps: 4, inputSize: 3, hiddenSize: 2, scale: 1, initialState: false }) },
    { name: 'T = 5, batch of 3 (I = 2, H = 3), from a nonzero (h0, c0)', visibility: 'visible', generate: sequenceCase(2, { batch: 3, steps: 5, inputSize: 2, hiddenSize: 3, scale: 1, initialState: true }) },
    { name: 'one step (T = 1) from a nonzero state', visibility: 'hidden', generate: sequenceCase(3, { batch: 2, steps: 1, inputSize: 3, hiddenSize: 4, scale: 1, initialState: true }) },
    { name: 'one example (B = 1)', visibility: 'hidden', generate: sequenceCase(4, { batch: 1, steps: 6, inputSize: 3, hiddenSize: 3, scale: 1, initialState: true }) },
    { name: 'one unit (H = 1)', visibility: 'hidden', generate: sequenceCase(5, { batch: 3, steps: 6, inputSize: 2, hiddenSize: 1, scale: 1, initialState: true }) },
    { name: 'saturated gates', visibility: 'hidden', generate: sequenceCase(6, { batch: 2, steps: 6, inputSize: 4, hiddenSize: 3, scale: 3, initialState: true }) },
    { name: 'longer (T = 20, B = 4, I = 8, H = 16)', visibility: 'hidden', generate: sequenceCase(7, { batch: 4, steps: 20, inputSize: 8, hiddenSize: 16, scale: 0.5, initialState: true }) },
  ],
  reference: (args) => onHost(args, referenceForward),
  knownMistakes: [
    mistake(
      'ignores-initial-state',
      'the loop starts from zeros and ignores the given (h0, c0). Start from init.h0 and init.c0, and use zeros only when init is null.',
      '循环从零开始，忽略了给定的 (h0, c0)。应从 init.h0 和 init.c0 开始，只有 init 为 null 时才用零。',
    ),
    mistake(
      'cell-state-not-carried',
      'the cell state is never carried forward: every step starts from c0 (the new c_t is computed but never assigned back), so cT is still c0. After each step set c = c_t, as you do for h.',
      '记忆单元状态没有向后传递：每一步都从 c0 开始（算出了新的 c_t，却没有赋值回去），所以 cT 仍是 c0。每一步之后要令 c = c_t，就像对 h 所做的那样。',
    ),
    mistake(
      'no-recurrent-term',
      "h_{t−1} never multiplies recurrentKernel, so no step sees the past and the 'recurrent' network is a per-step dense layer: z = x_t·kernel + h_{t−1}·recurrentKernel + bias.",
      'h_{t−1} 没有乘以 recurrentKernel，所以每一步都看不到过去，“循环”网络退化成了逐步的全连接层：z = x_t·kernel + h_{t−1}·recurrentKernel + bias。',
    ),
    mistake(
      'hseq-off-by-one',
      'hSeq holds h_0 … h_{T−1} (each step stored its input h) instead of h_1 … h_T: store the new h_t after the update.',
      'hSeq 存的是 h_0 … h_{T−1}（每一步存了输入的 h），而不是 h_1 … h_T：应在更新之后存入新的 h_t。',
    ),
  ],
});
