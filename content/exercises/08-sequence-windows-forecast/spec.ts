// Checks of exercise 08-sequence-windows-forecast: exact preprocessing, an LSTM in the model, and a forecaster that beats persistence on the hidden future.
import { disjointWindows, seasonalSplit, seededShuffle } from '@/lib/datasets/seasonal-series';
import { recurrentLayerCheck, readModelSummary } from '@/lib/grader/model-summary';
import type { LocalizedText } from '@/lib/grader/result';
import { forecastNumber } from '@/lib/grader/answers';
import { defineSpec } from '@/lib/grader/spec';
import { numberValue, recordValue, tensorValue, type TensorValue, type WireValue } from '@/lib/grader/values';
import { createRng } from '@/lib/lstm';

const WINDOW = 24;
const TRAIN_STEPS = 1000;
/** 2400 future steps give 96 disjoint windows of 24 + 1. */
const FUTURE_STEPS = 2400;

/** Seeds of the training stretch and of the hidden future (the future's noise never reaches the worker). */
const trainSeed = (seed: number) => seed * 7919;
const futureSeed = (seed: number) => seed * 7919 + 104_729;
const orderSeed = (seed: number) => seed * 31 + 7;

/**
 * Forecast RMSE divided by the persistence forecast's RMSE (ŷ = last value of the window) on the same
 * hidden windows: 1 = no better than persistence. Measured 2026-12-06 with solution.ts (LSTM(16),
 * Adam 0.01, 12 epochs; `npm run grade -- 08-sequence-windows-forecast
 * content/exercises/08-sequence-windows-forecast/solution.ts --seed N --json`, wasm, Node 20):
 * RMSE 0.797 / 0.697 / 0.874 against persistence 1.216 / 1.198 / 1.281 on seeds 1–3, i.e. ratios
 * 0.655 / 0.583 / 0.683 (reference ≈ 0.68, the worst seed), training 6.1–10.6 s. Threshold =
 * baseline + 0.5 × (reference − baseline) = 1 + 0.5 × (0.68 − 1) = 0.84.
 */
const BASELINE_RATIO = 1;
const REFERENCE_RATIO = 0.68;
const RATIO_THRESHOLD = 0.84;

const seriesValue = (values: ArrayLike<number>) => tensorValue([values.length], values);

/** A noisy random walk with a daily wave: the input of the exact preprocessing cases. */
function rawSeries(seed: number, n: number): TensorValue {
  const rng = createRng(seed);
  let level = rng.uniform(-5, 5);
  return seriesValue(Array.from({ length: n }, (_, t) => (level += rng.normal(0, 0.3)) + 2 * Math.sin((2 * Math.PI * t) / 24)));
}

// ------------------------------------------------------------------ host-side references (plain JS, float64)

const dataOf = (v: WireValue) => Array.from((v as TensorValue).data);
const num = (v: WireValue) => (v as { value: number }).value;

/** (series − μ) / σ with μ, σ (population) from the first `statsLength` values. */
function normalized(series: number[], statsLength: number): WireValue {
  const head = series.slice(0, statsLength);
  const mean = head.reduce((a, b) => a + b, 0) / head.length;
  const std = Math.sqrt(head.reduce((a, b) => a + (b - mean) ** 2, 0) / head.length);
  return recordValue({ normalized: seriesValue(series.map((v) => (v - mean) / std)), mean: numberValue(mean), std: numberValue(std) });
}

/** Windows x [n, W, 1] and targets y [n, 1]; `targetOffset` W is right, W − 1 is the off-by-one mistake. */
function windows(series: number[], W: number, targetOffset = W): WireValue {
  const n = series.length - W;
  const x: number[] = [];
  for (let i = 0; i < n; i++) x.push(...series.slice(i, i + W));
  return recordValue({ x: tensorValue([n, W, 1], x), y: tensorValue([n, 1], Array.from({ length: n }, (_, i) => series[i + targetOffset])) });
}

/** The first ⌊(1 − f)·n⌋ rows train, the rest validate. */
function timeSplit(x: TensorValue, y: TensorValue, valFraction: number): WireValue {
  const [n, W] = x.shape;
  const nTrain = Math.floor((1 - valFraction) * n);
  const rows = (t: TensorValue, from: number, to: number, width: number) => t.data.slice(from * width, to * width);
  return recordValue({
    xTrain: tensorValue([nTrain, W, 1], rows(x, 0, nTrain, W)),
    yTrain: tensorValue([nTrain, 1], rows(y, 0, nTrain, 1)),
    xVal: tensorValue([n - nTrain, W, 1], rows(x, nTrain, n, W)),
    yVal: tensorValue([n - nTrain, 1], rows(y, nTrain, n, 1)),
  });
}

function reference(args: WireValue[], entry: string): WireValue {
  if (entry === 'normalizeByTrain') return normalized(dataOf(args[0]), num(args[1]));
  if (entry === 'makeWindows') return windows(dataOf(args[0]), num(args[1]));
  if (entry === 'splitByTime') return timeSplit(args[0] as TensorValue, args[1] as TensorValue, num(args[2]));
  throw new Error(`no reference for ${entry}`);
}

/**
 * The time split's tell-tale of shuffling: the learner's yTrain and yVal hold the same values as the
 * right split, together, but the training rows are not the first ones in order.
 */
function shuffledAcrossTheCut(actual: WireValue, args: WireValue[]): boolean {
  if (actual.kind !== 'record') return false;
  const yTrain = actual.entries.yTrain;
  const yVal = actual.entries.yVal;
  if (yTrain?.kind !== 'tensor' || yVal?.kind !== 'tensor') return false;
  const all = dataOf(args[1]);
  const got = [...yTrain.data, ...yVal.data];
  if (got.length !== all.length) return false;
  const sorted = (v: number[]) => [...v].sort((a, b) => a - b);
  const sameValues = sorted(got).every((v, k) => v === sorted(all)[k]);
  return sameValues && Array.from(yTrain.data).some((v, k) => v !== all[k]);
}

/** Adds the LSTM's input contract to a shape mismatch of the windows. */
function diagnose(actual: WireValue): LocalizedText | null {
  const x = actual.kind === 'record' ? actual.entries.x : undefined;
  if (x?.kind === 'tensor' && x.shape.length === 2) {
    return {
      en: 'x is 2-D. An LSTM layer reads [batch, time, features]: reshape the windows to [n, W, 1] (one feature per step), or the layer will refuse them.',
      zh: 'x 是二维的。LSTM 层读取的是 [batch, time, features]：请把窗口 reshape 成 [n, W, 1]（每个时间步一个特征），否则该层会拒绝这样的输入。',
    };
  }
  return null;
}

// ------------------------------------------------------------------ the training case

/** train()'s argument: the 1000-step training stretch (raw units) and W. */
function trainingData(seed: number): WireValue[] {
  const { train } = seasonalSplit(trainSeed(seed), futureSeed(seed), TRAIN_STEPS, FUTURE_STEPS);
  return [recordValue({ series: seriesValue(train), windowSize: numberValue(WINDOW) })];
}

/** The hidden future's disjoint windows, in the shuffled order they are presented in. */
function hiddenWindows(seed: number) {
  const { future } = seasonalSplit(trainSeed(seed), futureSeed(seed), TRAIN_STEPS, FUTURE_STEPS);
  return seededShuffle(disjointWindows(future, WINDOW), orderSeed(seed));
}

/** RMSE / persistence RMSE over the hidden windows, with both RMSEs as extras. */
function forecastScore(output: WireValue, _args: WireValue[], seed: number) {
  const queries = hiddenWindows(seed);
  if (output.kind !== 'list' || output.items.length !== queries.length) throw new Error(`expected ${queries.length} forecasts`);
  let se = 0;
  let sePersistence = 0;
  queries.forEach((q, k) => {
    se += (forecastNumber(output.items[k], k) - q.next) ** 2;
    sePersistence += (q.window[WINDOW - 1] - q.next) ** 2;
  });
  const rmse = Math.sqrt(se / queries.length);
  const persistence = Math.sqrt(sePersistence / queries.length);
  return { value: rmse / persistence, extras: { RMSE: rmse, 'persistence RMSE': persistence } };
}

/**
 * Forecasts far worse than persistence and mostly off in level (the mean error dominates the RMSE):
 * the signature of a predictor that skips the training normalisation or forgets to undo it.
 */
function diagnoseForecast(output: WireValue, _args: WireValue[], seed: number): string | null {
  const queries = hiddenWindows(seed);
  if (output.kind !== 'list') return null;
  const errors = queries.map((q, k) => forecastNumber(output.items[k], k) - q.next);
  const bias = errors.reduce((a, b) => a + b, 0) / errors.length;
  const rmse = Math.sqrt(errors.reduce((a, b) => a + b * b, 0) / errors.length);
  const persistence = Math.sqrt(queries.reduce((a, q) => a + (q.window[WINDOW - 1] - q.next) ** 2, 0) / queries.length);
  return rmse > 1.5 * persistence && Math.abs(bias) > 0.5 * rmse ? 'predictor-skips-normalization' : null;
}

function mistake(id: string, en: string, zh: string, extra: Partial<{ variant: (args: WireValue[], entry: string) => WireValue; matches: (a: WireValue, args: WireValue[]) => boolean }>) {
  return { id, message: { en, zh }, ...extra };
}

export default defineSpec({
  id: '08-sequence-windows-forecast',
  entries: ['normalizeByTrain', 'makeWindows', 'splitByTime', 'buildModel', 'train'],
  allowList: 'full',
  timeBudgetMs: 60_000,
  memoryMb: 1024,
  fullCheckSeeds: 3,
  // Every mistake file trains the model (≈ 8 s each): one seed proves the naming, CI time stays bounded.
  mistakeCheckSeeds: 1,
  tolerance: 'forward',
  cases: [
    { name: 'normalizeByTrain: statistics of the first 60 of 80 values', visibility: 'visible', generate: (s) => [rawSeries(s * 10 + 1, 80), numberValue(60)] },
    { name: 'normalizeByTrain: 500 values, the first 350 train', visibility: 'hidden', generate: (s) => [rawSeries(s * 10 + 2, 500), numberValue(350)] },
    { name: 'makeWindows: 30 values, W = 5', visibility: 'visible', entry: 'makeWindows', generate: (s) => [rawSeries(s * 10 + 3, 30), numberValue(5)] },
    { name: 'makeWindows: 200 values, W = 24', visibility: 'hidden', entry: 'makeWindows', generate: (s) => [rawSeries(s * 10 + 4, 200), numberValue(24)] },
    {
      name: 'splitByTime: 20 windows, valFraction 0.25',
      visibility: 'visible',
      entry: 'splitByTime',
      generate: (s) => {
        const w = windows(dataOf(rawSeries(s * 10 + 5, 26)), 6) as Extract<WireValue, { kind: 'record' }>;
        return [w.entries.x, w.entries.y, numberValue(0.25)];
      },
    },
    {
      name: 'splitByTime: 97 windows, valFraction 0.2',
      visibility: 'hidden',
      entry: 'splitByTime',
      generate: (s) => {
        const w = windows(dataOf(rawSeries(s * 10 + 6, 105)), 8) as Extract<WireValue, { kind: 'record' }>;
        return [w.entries.x, w.entries.y, numberValue(0.2)];
      },
    },
    {
      name: 'buildModel(24) reads [batch, 24, 1] with an LSTM and outputs one value',
      visibility: 'visible',
      entry: 'buildModel',
      generate: () => [numberValue(WINDOW)],
      check: (output) => recurrentLayerCheck(output) ?? outputContract(output),
    },
    {
      name: 'train: forecasts of 96 windows of the hidden future vs persistence',
      visibility: 'visible',
      entry: 'train',
      generate: trainingData,
      queries: (seed) => hiddenWindows(seed).map((q) => [tensorValue([1, WINDOW, 1], q.window)]),
      metric: {
        metric: 'RMSE ÷ persistence RMSE',
        direction: 'lower',
        threshold: RATIO_THRESHOLD,
        baseline: BASELINE_RATIO,
        referenceScore: REFERENCE_RATIO,
        score: forecastScore,
        diagnose: diagnoseForecast,
      },
    },
  ],
  reference,
  diagnose,
  knownMistakes: [
    mistake(
      'whole-series-statistics',
      'the mean and std come from the whole series. Compute them from the first trainLength values only: statistics of later values leak the validation and test period into training, and are not available when you forecast the real future.',
      '均值和标准差是用整个序列算的。只能用前 trainLength 个值来计算：用后面的值会把验证期和测试期的信息泄漏进训练，而且真正预测未来时也拿不到这些统计量。',
      { variant: (args) => normalized(dataOf(args[0]), dataOf(args[0]).length) },
    ),
    mistake(
      'target-inside-window',
      'each target is the last value of its own window (series[i + W − 1]). The target is the value right after the window, series[i + W]; otherwise the model learns to copy its input.',
      '每个目标值都是它自己窗口里的最后一个值（series[i + W − 1]）。目标应该是窗口之后的那个值 series[i + W]，否则模型只会学着复制输入。',
      { variant: (args) => windows(dataOf(args[0]), num(args[1]), num(args[1]) - 1) },
    ),
    mistake(
      'shuffled-split',
      'the windows were shuffled before the split, so validation windows sit between training windows and overlap them in time. Split by time: the first rows train, the last rows validate; shuffle (if at all) only inside the training part.',
      '切分之前打乱了窗口，于是验证窗口夹在训练窗口之间、在时间上和它们重叠。应按时间切分：前面的行用于训练，最后的行用于验证；如果要打乱，只在训练部分内部打乱。',
      { matches: shuffledAcrossTheCut },
    ),
    mistake(
      'predictor-skips-normalization',
      'the forecasts are far worse than persistence and mostly off in level. The usual cause: the model was trained on normalised windows, but the predictor feeds it raw values (or forgets to turn its output back into raw units). Apply (window − mean) / std with the training statistics before model.predict, and output · std + mean after.',
      '预测比“沿用上一个值”差得多，而且主要是整体水平偏了。常见原因：模型是在标准化后的窗口上训练的，但预测函数喂给它的是原始数值（或者忘了把输出还原成原始单位）。请在 model.predict 之前用训练时的统计量做 (window − mean) / std，之后再做 output · std + mean。',
      {},
    ),
  ],
});

/** Input [null, 24, 1] and output [null, 1]: the contract train() and the predictor rely on. */
function outputContract(output: WireValue): LocalizedText | null {
  const model = readModelSummary(output)!;
  const input = JSON.stringify(model.inputShape);
  const out = JSON.stringify(model.outputShape);
  if (input !== JSON.stringify([null, WINDOW, 1])) {
    return { en: `The model's input shape is ${input}; it should read windows of [batch, ${WINDOW}, 1].`, zh: `模型的输入形状是 ${input}；它应当读取 [batch, ${WINDOW}, 1] 的窗口。` };
  }
  if (out !== JSON.stringify([null, 1])) {
    return { en: `The model's output shape is ${out}; a one-step forecast is [batch, 1] (a final Dense with 1 unit, no activation).`, zh: `模型的输出形状是 ${out}；单步预测应为 [batch, 1]（最后一层是 1 个单元、没有激活函数的 Dense）。` };
  }
  return null;
}
