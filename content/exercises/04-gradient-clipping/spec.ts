// Checks of exercise 04-gradient-clipping: seeded LSTM-shaped gradient sets at, below and above the threshold.
import { defineSpec } from '@/lib/grader/spec';
import { listValue, numberValue, recordValue, tensorToValue, tensorValue, type TensorValue, type WireValue } from '@/lib/grader/values';
import { clipByGlobalNorm, clipByValue, createRng } from '@/lib/lstm';
import { ready, tf } from '@/lib/tfjs';

/** A tensor of normal samples with standard deviation `scale` (float32 on the wire). */
function normalTensor(seed: number, shape: number[], scale: number): TensorValue {
  const rng = createRng(seed);
  const size = shape.reduce((n, d) => n * d, 1);
  return tensorValue(shape, Array.from({ length: size }, () => rng.normal(0, scale)));
}

/**
 * The gradients of one LSTM layer (kernel [I, 4H], recurrentKernel [H, 4H], bias [4H]), each with
 * its own scale so that per-tensor clipping and global clipping differ.
 */
function lstmGradients(seed: number, I: number, H: number, scales: [number, number, number]): TensorValue[] {
  return [
    normalTensor(seed * 100 + 1, [I, 4 * H], scales[0]),
    normalTensor(seed * 100 + 2, [H, 4 * H], scales[1]),
    normalTensor(seed * 100 + 3, [4 * H], scales[2]),
  ];
}

/** √(Σ g²) of the float32 values, in float64: the reference's own global norm. */
function globalNormOf(grads: TensorValue[]): number {
  let sum = 0;
  for (const g of grads) for (const v of g.data) sum += v * v;
  return Math.sqrt(sum);
}

/** A clipByGlobalNorm case: the gradients and clipNorm = `ratio` × their global norm (ratio 1 = exactly at the threshold). */
function normCase(I: number, H: number, scales: [number, number, number], ratio: number) {
  return (seed: number): WireValue[] => {
    const grads = lstmGradients(seed, I, H, scales);
    return [listValue(grads), numberValue(ratio * globalNormOf(grads))];
  };
}

/** A clipByGlobalNorm case with a fixed threshold. */
function fixedThresholdCase(grads: (seed: number) => TensorValue[], clipNorm: number) {
  return (seed: number): WireValue[] => [listValue(grads(seed)), numberValue(clipNorm)];
}

/** A clipByValue case: the gradients and the range [min, max]. */
function valueCase(I: number, H: number, scales: [number, number, number], min: number, max: number) {
  return (seed: number): WireValue[] => [listValue(lstmGradients(seed, I, H, scales)), numberValue(min), numberValue(max)];
}

interface NormArgs {
  grads: tf.Tensor[];
  clipNorm: number;
}

/** Runs `body` on the host's tfjs with the case's gradients and reads the result back as a wire value. */
async function onHost(args: WireValue[], body: (grads: tf.Tensor[], a: number, b: number) => WireValue): Promise<WireValue> {
  await ready();
  const list = args[0] as Extract<WireValue, { kind: 'list' }>;
  const grads = list.items.map((g) => {
    const t = g as TensorValue;
    return tf.tensor(t.data, t.shape, t.dtype);
  });
  const numbers = args.slice(1).map((a) => (a as { value: number }).value);
  try {
    return body(grads, numbers[0], numbers[1]);
  } finally {
    tf.dispose(grads);
  }
}

/** The value clipByGlobalNorm returns, from clipped tensors (disposed here) and a norm. */
function normResult(clipped: tf.Tensor[], globalNorm: number): WireValue {
  const value = recordValue({ clipped: listValue(clipped.map((t) => tensorToValue(t))), globalNorm: numberValue(globalNorm) });
  tf.dispose(clipped);
  return value;
}

/** Every gradient times its own factor, with the global norm the mistaken code reports. */
function scaledEach(grads: tf.Tensor[], factors: number[], reportedNorm: number): WireValue {
  return normResult(grads.map((g, k) => tf.mul(g, factors[k])), reportedNorm);
}

const NOT_THIS_ENTRY: WireValue = { kind: 'null' };

/** The norm of one tensor, in float64 from its float32 values. */
function tensorNorm(g: tf.Tensor): number {
  let sum = 0;
  for (const v of g.dataSync()) sum += v * v;
  return Math.sqrt(sum);
}

/** A known mistake of clipByGlobalNorm, computed on the host from the case's gradients. */
function normVariant(body: (a: NormArgs) => WireValue) {
  return (args: WireValue[], entry: string) =>
    entry === 'clipByGlobalNorm' ? onHost(args, (grads, clipNorm) => body({ grads, clipNorm })) : NOT_THIS_ENTRY;
}

export default defineSpec({
  id: '04-gradient-clipping',
  entries: ['clipByGlobalNorm', 'clipByValue'],
  allowList: 'from-scratch',
  timeBudgetMs: 10_000,
  memoryMb: 256,
  tolerance: 'forward',
  cases: [
    { name: 'above the threshold: global norm 4× clipNorm (I=3, H=4)', visibility: 'visible', generate: normCase(3, 4, [1, 0.5, 0.1], 0.25) },
    { name: 'below the threshold: left unchanged (I=3, H=4)', visibility: 'visible', generate: normCase(3, 4, [1, 0.5, 0.1], 3) },
    { name: 'clip by value to [−0.5, 0.5]', visibility: 'visible', entry: 'clipByValue', generate: valueCase(3, 4, [1, 0.5, 0.1], -0.5, 0.5) },
    { name: 'exactly at the threshold (I=5, H=6)', visibility: 'hidden', generate: normCase(5, 6, [0.3, 0.3, 0.3], 1) },
    {
      name: 'all-zero gradients',
      visibility: 'hidden',
      generate: fixedThresholdCase(() => [tensorValue([2, 8], new Array(16).fill(0)), tensorValue([2, 8], new Array(16).fill(0)), tensorValue([8], new Array(8).fill(0))], 1),
    },
    { name: 'exploding gradients: global norm ≈ 10⁴, clipNorm 5 (I=4, H=8)', visibility: 'hidden', generate: fixedThresholdCase((s) => lstmGradients(s, 4, 8, [300, 200, 100]), 5) },
    { name: 'one huge tensor beside two tiny ones, clipNorm = 0.1 × global norm', visibility: 'hidden', generate: normCase(2, 3, [10, 1e-3, 1e-3], 0.1) },
    { name: 'H = 1, I = 1', visibility: 'hidden', generate: normCase(1, 1, [2, 2, 2], 0.5) },
    { name: 'clip by value, asymmetric range [−0.1, 0.3]', visibility: 'hidden', entry: 'clipByValue', generate: valueCase(4, 5, [1, 1, 1], -0.1, 0.3) },
    { name: 'clip by value with nothing to clip', visibility: 'hidden', entry: 'clipByValue', generate: valueCase(2, 2, [0.01, 0.01, 0.01], -1, 1) },
  ],
  reference: (args, entry) =>
    onHost(args, (grads, a, b) => {
      if (entry === 'clipByValue') {
        const clipped = clipByValue(grads, a, b);
        const value = listValue(clipped.map((t) => tensorToValue(t)));
        tf.dispose(clipped);
        return value;
      }
      const { clipped, globalNorm } = clipByGlobalNorm(grads, a);
      return normResult(clipped, globalNorm);
    }),
  knownMistakes: [
    {
      id: 'per-tensor-clipping',
      message: {
        en: 'each gradient was clipped by its own norm. Clip by the global norm √(Σ‖g_k‖²) of all gradients together and scale every one by the same factor, so the direction of the whole update is kept.',
        zh: '每个梯度按它自己的范数分别裁剪了。应当用所有梯度合在一起的全局范数 √(Σ‖g_k‖²)，并用同一个系数缩放每个梯度，这样整体更新方向才保持不变。',
      },
      variant: normVariant(({ grads, clipNorm }) => {
        const norms = grads.map(tensorNorm);
        const globalNorm = Math.sqrt(norms.reduce((s, n) => s + n * n, 0));
        return scaledEach(grads, norms.map((n) => clipNorm / Math.max(n, clipNorm)), globalNorm);
      }),
    },
    {
      id: 'rescales-below-threshold',
      message: {
        en: 'the gradients were rescaled to norm clipNorm even though their norm was already below it. Clipping only ever shrinks: the factor is clipNorm / max(globalNorm, clipNorm), which is 1 at or below the threshold (and all-zero gradients must stay zero, not become NaN).',
        zh: '梯度范数本来就低于 clipNorm，却仍被缩放到 clipNorm。裁剪只会缩小：系数是 clipNorm / max(globalNorm, clipNorm)，在阈值及以下时等于 1（全零梯度应保持为零，而不是变成 NaN）。',
      },
      variant: normVariant(({ grads, clipNorm }) => {
        const norm = Math.fround(Math.sqrt(grads.reduce((s, g) => s + tensorNorm(g) ** 2, 0)));
        return scaledEach(grads, grads.map(() => clipNorm / norm), norm);
      }),
    },
    {
      id: 'norm-not-square-rooted',
      message: {
        en: 'the sum of squares Σg² was used as the norm; the global norm is its square root √(Σg²).',
        zh: '把平方和 Σg² 当成了范数；全局范数是它的平方根 √(Σg²)。',
      },
      variant: normVariant(({ grads, clipNorm }) => {
        const sumOfSquares = grads.reduce((s, g) => s + tensorNorm(g) ** 2, 0);
        return scaledEach(grads, grads.map(() => clipNorm / Math.max(sumOfSquares, clipNorm)), sumOfSquares);
      }),
    },
    {
      id: 'clips-upper-bound-only',
      message: {
        en: 'only the upper bound was applied: large negative values must be raised to min as well (tf.minimum(tf.maximum(g, min), max)).',
        zh: '只限制了上界：过小的负值也必须被抬高到 min（tf.minimum(tf.maximum(g, min), max)）。',
      },
      variant: (args, entry) =>
        entry === 'clipByValue'
          ? onHost(args, (grads, _min, max) => {
              const clipped = grads.map((g) => tf.minimum(g, max));
              const value = listValue(clipped.map((t) => tensorToValue(t)));
              tf.dispose(clipped);
              return value;
            })
          : NOT_THIS_ENTRY,
    },
  ],
});
