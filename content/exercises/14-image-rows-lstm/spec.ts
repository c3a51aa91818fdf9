// Checks of exercise 14-image-rows-lstm: images turned into row sequences exactly, an LSTM reading [batch, rows, columns], and accuracy on hidden glyphs.
import {
  GLYPH_CLASS_COUNT,
  GLYPH_SIZE,
  glyphAt,
  glyphSplits,
  rowAverageBaselineAccuracy,
} from '@/lib/datasets/glyphs';
import { predictedClass } from '@/lib/grader/answers';
import { checkMessage, readModelSummary, recurrentLayerCheck, shapeText } from '@/lib/grader/model-summary';
import type { LocalizedText } from '@/lib/grader/result';
import { perSeed } from '@/lib/grader/per-seed';
import { defineSpec } from '@/lib/grader/spec';
import { numberValue, recordValue, tensorValue, type WireValue } from '@/lib/grader/values';
import { createRng } from '@/lib/lstm/random';

const S = GLYPH_SIZE;
const SPLIT_SIZES = { train: 2000, visible: 8, hidden: 500 };

/**
 * Accuracy on the 500 hidden images. Measured 2026-12-06 with solution.ts (LSTM 32 over the 12 rows →
 * softmax 8, Adam 0.01, 8 epochs of batch 64; `npx tsx scripts/content-check-exercises.ts 14-image-rows-lstm
 * --full` and a throwaway tsx script calling train() and the classifier with Math.random seeded as the
 * grader seeds it, wasm, Node 20): 0.890 / 0.932 / 0.942 on seeds 1–3; train() took 8.1 / 6.7 / 4.3 s wall
 * (6.0 / 4.5 / 4.2 s of CPU; 10–12 s wall in an earlier run at load average 7 on the 2 shared cores), the
 * 500 classifier calls 1–2 s.
 * The order-blind baseline, a softmax regression on each image's row average (the mean of its 12 rows),
 * scores 0.368 / 0.376 / 0.336; no order-blind method can pass 0.5 in expectation, since every glyph's
 * upside-down twin has the same rows. Threshold: halfway from the baseline's best seed (0.376) to the
 * reference's worst (0.890) is 0.633, rounded up to 0.65.
 */
const BASELINE_ACCURACY = 0.376;
const REFERENCE_ACCURACY = 0.89;
const ACCURACY_THRESHOLD = 0.65;

// ------------------------------------------------------------------ data

/** The seed's images (generated once per seed: training data, queries and score share them). */
const splitsOf = perSeed((seed) => glyphSplits(seed, SPLIT_SIZES));

/** The order-blind baseline's accuracy on the hidden images (fitted once per seed). */
const baselineOf = perSeed((seed) => rowAverageBaselineAccuracy(splitsOf(seed).train, splitsOf(seed).hidden));

/** train()'s argument: the training images [n, 12, 12, 1] as grey levels, their labels and the class count. */
function trainingData(seed: number): WireValue[] {
  const { train } = splitsOf(seed);
  return [
    recordValue({
      images: tensorValue([train.count, S, S, 1], train.pixels),
      labels: tensorValue([train.count], train.labels),
      numClasses: numberValue(GLYPH_CLASS_COUNT),
    }),
  ];
}

/** The visible split's glyphs: toRowSequences' argument. */
function visibleImages(seed: number): WireValue[] {
  const { visible } = splitsOf(seed);
  return [tensorValue([visible.count, S, S, 1], visible.pixels)];
}

/** Random grey levels [n, height, width, 1]: a non-square batch, so rows and columns cannot be swapped unnoticed. */
function randomImages(n: number, height: number, width: number) {
  return (seed: number): WireValue[] => {
    const rng = createRng(seed * 101 + height);
    return [tensorValue([n, height, width, 1], Array.from({ length: n * height * width }, () => rng.integer(0, 256)))];
  };
}

// ------------------------------------------------------------------ toRowSequences: reference and mistakes

type Tensor = Extract<WireValue, { kind: 'tensor' }>;
const imagesOf = (args: WireValue[]) => args[0] as Tensor;

/** [n, H, W] in 0 … 1: image i's row r is time step r. */
function rowSequences(images: Tensor): WireValue {
  const [n, height, width] = images.shape;
  return tensorValue([n, height, width], Array.from(images.data, (v) => v / 255));
}

function reference(args: WireValue[], entry: string): WireValue {
  if (entry === 'toRowSequences') return rowSequences(imagesOf(args));
  throw new Error(`no reference for ${entry}`);
}

const sameValues = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.from(a).every((v, i) => Math.abs(v - b[i]) <= 1e-5 + 1e-4 * Math.abs(b[i]));
const scaled = (images: Tensor) => Array.from(images.data, (v) => v / 255);

/** Each image became one long vector: [n, 1, H·W] (one time step), [n, H·W] or [n, H·W, 1]. */
function flattened(actual: WireValue, args: WireValue[]): boolean {
  const [n, height, width] = imagesOf(args).shape;
  if (actual.kind !== 'tensor' || actual.shape[0] !== n) return false;
  const rest = actual.shape.slice(1).filter((d) => d !== 1);
  return rest.length === 1 && rest[0] === height * width && (actual.shape.length === 3 || actual.shape.length === 2);
}

/** The sequence runs over the columns: [n, W, H] with step c holding column c. */
function columnsAsTime(actual: WireValue, args: WireValue[]): boolean {
  const images = imagesOf(args);
  const [n, height, width] = images.shape;
  if (actual.kind !== 'tensor' || actual.shape.join() !== [n, width, height].join()) return false;
  const values = scaled(images);
  const transposed = Array.from({ length: n * width * height }, (_, k) => {
    const [i, c, r] = [Math.floor(k / (width * height)), Math.floor(k / height) % width, k % height];
    return values[(i * height + r) * width + c];
  });
  return sameValues(actual.data, transposed);
}

// ------------------------------------------------------------------ buildModel: the structural contract

/** Reads [batch, height, width] (rows as time steps) and ends in a softmax over numClasses. */
function rowReaderContract(height: number, width: number, numClasses: number) {
  return (output: WireValue): LocalizedText | null => {
    const model = readModelSummary(output)!;
    const input = shapeText(model.inputShape);
    const out = shapeText(model.outputShape);
    const last = model.layers[model.layers.length - 1];
    if (input !== shapeText([null, height, width])) {
      return checkMessage(
        `The model reads ${input}; it should read [batch, ${height}, ${width}]: ${height} rows as time steps, each with ${width} pixel features. A recurrent layer needs [batch, time, features], so a flattened image (one vector of ${height * width}) has no time axis to run along.`,
        `模型的输入是 ${input}；应为 [batch, ${height}, ${width}]：${height} 行作为时间步，每行 ${width} 个像素特征。循环层需要 [batch, time, features]，把图像拉平成一个 ${height * width} 维向量就没有时间轴可以遍历了。`,
      );
    }
    if (out !== shapeText([null, numClasses])) {
      return checkMessage(
        `The output shape is ${out}; it should be [batch, ${numClasses}]: one probability per class. If it has a time axis, leave returnSequences false on the last recurrent layer.`,
        `输出形状是 ${out}；应为 [batch, ${numClasses}]：每个类别一个概率。如果输出带着时间轴，请把最后一个循环层的 returnSequences 保持为 false。`,
      );
    }
    if (last?.config.activation !== 'softmax') {
      return checkMessage(
        `The last layer is not a softmax. A glyph is exactly one of ${numClasses} classes: end with tf.layers.dense({ units: ${numClasses}, activation: 'softmax' }) and train with sparseCategoricalCrossentropy on the integer labels.`,
        `最后一层不是 softmax。每个字形恰好属于 ${numClasses} 个类别之一：请以 tf.layers.dense({ units: ${numClasses}, activation: 'softmax' }) 结尾，并用整数标签配 sparseCategoricalCrossentropy 训练。`,
      );
    }
    return null;
  };
}

// ------------------------------------------------------------------ train: accuracy on hidden glyphs

/** Accuracy, with the order-blind baseline and the share of images put in the right upside-down pair. */
function glyphScore(output: WireValue, _args: WireValue[], seed: number) {
  const { hidden } = splitsOf(seed);
  if (output.kind !== 'list' || output.items.length !== hidden.count) throw new Error(`expected ${hidden.count} answers`);
  const predicted = output.items.map((answer, k) => predictedClass(answer, k, GLYPH_CLASS_COUNT, 'image'));
  const correct = predicted.filter((p, i) => p === hidden.labels[i]).length;
  const rightPair = predicted.filter((p, i) => p >> 1 === hidden.labels[i] >> 1).length;
  return {
    value: correct / hidden.count,
    extras: { 'right pair, either way up': rightPair / hidden.count, 'order-blind baseline (row average)': baselineOf(seed) },
  };
}

function mistake(id: string, en: string, zh: string, matches: (actual: WireValue, args: WireValue[]) => boolean) {
  return { id, message: { en, zh }, matches };
}

export default defineSpec({
  id: '14-image-rows-lstm',
  entries: ['toRowSequences', 'buildModel', 'train'],
  allowList: 'full',
  timeBudgetMs: 60_000,
  memoryMb: 1024,
  fullCheckSeeds: 3,
  // Both mistakes are recognised from toRowSequences' output: proving them trains nothing.
  mistakeCheckSeeds: 1,
  tolerance: 'forward',
  cases: [
    { name: 'toRowSequences: 8 glyphs [8, 12, 12, 1]', visibility: 'visible', generate: visibleImages },
    { name: 'toRowSequences: 3 random images [3, 5, 7, 1] (not square)', visibility: 'visible', generate: randomImages(3, 5, 7) },
    { name: 'toRowSequences: 4 random images [4, 16, 6, 1]', visibility: 'hidden', generate: randomImages(4, 16, 6) },
    {
      name: `buildModel(${S}, ${S}, ${GLYPH_CLASS_COUNT}): an LSTM over [batch, ${S}, ${S}] → softmax ${GLYPH_CLASS_COUNT}`,
      visibility: 'visible',
      entry: 'buildModel',
      generate: () => [numberValue(S), numberValue(S), numberValue(GLYPH_CLASS_COUNT)],
      check: (output) => recurrentLayerCheck(output) ?? rowReaderContract(S, S, GLYPH_CLASS_COUNT)(output),
    },
    {
      name: 'buildModel(28, 20, 10): the sizes come from the arguments',
      visibility: 'hidden',
      entry: 'buildModel',
      generate: () => [numberValue(28), numberValue(20), numberValue(10)],
      check: (output) => recurrentLayerCheck(output) ?? rowReaderContract(28, 20, 10)(output),
    },
    {
      name: `train: accuracy on ${SPLIT_SIZES.hidden} hidden glyphs`,
      visibility: 'visible',
      entry: 'train',
      generate: trainingData,
      queries: (seed) => {
        const { hidden } = splitsOf(seed);
        return Array.from({ length: hidden.count }, (_, i) => [tensorValue([1, S, S, 1], glyphAt(hidden, i))]);
      },
      metric: {
        metric: 'accuracy',
        direction: 'higher',
        threshold: ACCURACY_THRESHOLD,
        baseline: BASELINE_ACCURACY,
        referenceScore: REFERENCE_ACCURACY,
        score: glyphScore,
      },
    },
  ],
  reference,
  knownMistakes: [
    mistake(
      'flattened-image',
      'each image became one long vector. That is what Flatten does before a Dense layer, and the bug of the sheet this exercise comes from: an LSTM needs [batch, time, features], and a flattened image is either one time step (the recurrence never runs) or 144 one-pixel steps (slow, and a row\'s pixels are no longer read together). Reshape to [n, H, W]: row r is time step r, its W pixels the features.',
      '每张图像被拉成了一个长向量。这是 Dense 层之前 Flatten 的做法，也正是本题出处那份资料的错误：LSTM 需要 [batch, time, features]，拉平的图像要么只有一个时间步（循环根本没有运行），要么是 144 个单像素时间步（慢，而且同一行的像素不再一起读入）。请 reshape 成 [n, H, W]：第 r 行就是第 r 个时间步，该行的 W 个像素是特征。',
      flattened,
    ),
    mistake(
      'columns-as-time',
      'the time axis runs over the columns ([n, W, H]). This exercise reads rows as time steps: reshape [n, H, W, 1] to [n, H, W] without transposing. (Columns would work as a sequence too, but the model, the statement and the grader agree on rows: an upside-down glyph differs from its twin in the order of its rows.)',
      '时间轴沿着列在走（[n, W, H]）。本题把行当作时间步：把 [n, H, W, 1] 直接 reshape 成 [n, H, W]，不要转置。（按列读也能构成序列，但模型、题面和评测约定的都是按行读：倒置的字形与它的孪生字形区别就在于行的顺序。）',
      columnsAsTime,
    ),
  ],
});
