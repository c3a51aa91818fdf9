// Checks of exercise 15-spoken-command-spectrogram: the log-power spectrogram against a float64 reference STFT, a Conv1D + LSTM model, and accuracy on hidden clips.
import { predictedClass } from '@/lib/grader/answers';
import { checkMessage, readModelSummary, recurrentLayerCheck, shapeText } from '@/lib/grader/model-summary';
import {
  averageSpectrumBaselineAccuracy,
  CLIP_SAMPLES,
  clipAt,
  clipSplits,
  COMMAND_CLASS_COUNT,
  FRAME_LENGTH,
  frameCount,
  HOP,
  logSpectrogram,
} from '@/lib/datasets/spoken-commands';
import type { LocalizedText } from '@/lib/grader/result';
import { perSeed } from '@/lib/grader/per-seed';
import { defineSpec } from '@/lib/grader/spec';
import { numberValue, recordValue, tensorValue, type WireValue } from '@/lib/grader/values';
import { createRng } from '@/lib/lstm/random';

const SPLIT_SIZES = { train: 600, visible: 4, hidden: 300 };
const FRAMES = frameCount(CLIP_SAMPLES, FRAME_LENGTH, HOP);
const BINS = FRAME_LENGTH / 2 + 1;

/**
 * Accuracy on the 300 hidden clips. Measured 2026-12-06 with solution.ts (log spectrogram → Conv1D 16 × 3 →
 * LSTM 32 → softmax 6, Adam 0.005, 3 epochs of batch 32; a throwaway tsx script calling train() and the
 * classifier with Math.random seeded as the grader seeds it, checked by `npx tsx
 * scripts/content-check-exercises.ts 15-spoken-command-spectrogram --full`, wasm, Node 20): 1.000 on each
 * of seeds 1–3; train() took 6.7 / 4.2 / 4.4 s wall (3.7 / 2.7 / 2.8 s of CPU; the machine was shared),
 * spectrograms included, the 300 classifier calls 3–4 s. The order-blind baseline, a softmax regression on
 * each clip's average log spectrum (its 31 frames averaged), scores 0.493 / 0.497 / 0.543: no order-blind
 * method can pass 0.5 in expectation, since every command's reverse has the same frames. Threshold:
 * halfway from the baseline's best seed (0.543) to the reference's worst (1.000) is 0.772, rounded up to 0.78.
 */
const BASELINE_ACCURACY = 0.543;
const REFERENCE_ACCURACY = 1;
const ACCURACY_THRESHOLD = 0.78;

/**
 * float32 against the float64 reference: a 128-point DFT in float32 is off by up to a few 10⁻⁴ on a log
 * power where a bin is small next to its frame's energy (measured worst cases on six command clips of
 * solution.ts: 3.5·10⁻⁵ and, with an earlier version of the generator, 1.8·10⁻⁴).
 */
const SPECTROGRAM_TOLERANCE = { kind: 'linear' as const, atol: 1e-3, rtol: 1e-3, normRtol: 1e-4 };

// ------------------------------------------------------------------ data

/** The seed's clips (generated once per seed: training data, queries and score share them). */
const splitsOf = perSeed((seed) => clipSplits(seed, SPLIT_SIZES));

/** The order-blind baseline's accuracy on the hidden clips (fitted once per seed). */
const baselineOf = perSeed((seed) => averageSpectrumBaselineAccuracy(splitsOf(seed).train, splitsOf(seed).hidden));

/** train()'s argument: the training clips [n, 2048], labels, class count and the spectrogram's framing. */
function trainingData(seed: number): WireValue[] {
  const { train } = splitsOf(seed);
  return [
    recordValue({
      clips: tensorValue([train.count, CLIP_SAMPLES], train.samples),
      labels: tensorValue([train.count], train.labels),
      numClasses: numberValue(COMMAND_CLASS_COUNT),
      frameLength: numberValue(FRAME_LENGTH),
      hop: numberValue(HOP),
    }),
  ];
}

/** logSpectrogram's arguments on the visible clips. */
function visibleClips(seed: number): WireValue[] {
  const { visible } = splitsOf(seed);
  return [tensorValue([visible.count, CLIP_SAMPLES], visible.samples), numberValue(FRAME_LENGTH), numberValue(HOP)];
}

/** Random noise clips [n, samples] with another framing: nothing but the definition fixes the answer. */
function noiseClips(n: number, samples: number, frameLength: number, hop: number) {
  return (seed: number): WireValue[] => {
    const rng = createRng(seed * 131 + samples);
    return [tensorValue([n, samples], Array.from({ length: n * samples }, () => rng.normal(0, 1))), numberValue(frameLength), numberValue(hop)];
  };
}

// ------------------------------------------------------------------ logSpectrogram: reference and mistakes

type Tensor = Extract<WireValue, { kind: 'tensor' }>;
const num = (v: WireValue) => (v as { value: number }).value;

/** [n, frames, L/2 + 1]: every clip's log power spectrogram, `window` applied to each frame (Hann unless told). */
function spectrograms(args: WireValue[], window?: 'rectangular'): Tensor {
  const clips = args[0] as Tensor;
  const [n, samples] = clips.shape;
  const [frameLength, hop] = [num(args[1]), num(args[2])];
  const rows = Array.from({ length: n }, (_, i) => {
    const clip = clips.data.slice(i * samples, (i + 1) * samples);
    return logSpectrogram(clip, frameLength, hop, window ?? 'hann');
  });
  return tensorValue([n, frameCount(samples, frameLength, hop), frameLength / 2 + 1], rows.flatMap((r) => Array.from(r))) as Tensor;
}

function reference(args: WireValue[], entry: string): WireValue {
  if (entry === 'logSpectrogram') return spectrograms(args);
  throw new Error(`no reference for ${entry}`);
}

const close = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.from(a).every((v, i) => Math.abs(v - b[i]) <= 1e-2 + 1e-3 * Math.abs(b[i]));

/** The frames were not windowed (a rectangular window). */
function noWindow(actual: WireValue, args: WireValue[]): boolean {
  return actual.kind === 'tensor' && close(actual.data, spectrograms(args, 'rectangular').data);
}

// ------------------------------------------------------------------ buildModel: the structural contract

/** Reads [batch, frames, bins], has a Conv1D, ends in a softmax over numClasses. */
function spectrogramContract(frames: number, bins: number, numClasses: number) {
  return (output: WireValue): LocalizedText | null => {
    const model = readModelSummary(output)!;
    const input = shapeText(model.inputShape);
    const out = shapeText(model.outputShape);
    const last = model.layers[model.layers.length - 1];
    if (input !== shapeText([null, frames, bins])) {
      return checkMessage(
        `The model reads ${input}; it should read [batch, ${frames}, ${bins}]: ${frames} spectrogram frames (time) of ${bins} frequency bins (features).`,
        `模型的输入是 ${input}；应为 [batch, ${frames}, ${bins}]：${frames} 个频谱帧（时间），每帧 ${bins} 个频率槽（特征）。`,
      );
    }
    if (!model.layers.some((l) => l.className === 'Conv1D')) {
      return checkMessage(
        'The model has no Conv1D. Put tf.layers.conv1d({ filters, kernelSize: 3, activation: "relu" }) before the recurrent layer: it slides along the time axis and turns each few neighbouring frames into local features, keeping [batch, time, features] for the LSTM.',
        '模型里没有 Conv1D。请在循环层之前加入 tf.layers.conv1d({ filters, kernelSize: 3, activation: "relu" })：它沿时间轴滑动，把相邻的几帧变成局部特征，并为 LSTM 保留 [batch, time, features] 的形状。',
      );
    }
    if (out !== shapeText([null, numClasses])) {
      return checkMessage(
        `The output shape is ${out}; it should be [batch, ${numClasses}]: one probability per command. If it has a time axis, leave returnSequences false on the last recurrent layer.`,
        `输出形状是 ${out}；应为 [batch, ${numClasses}]：每个指令一个概率。如果输出带着时间轴，请把最后一个循环层的 returnSequences 保持为 false。`,
      );
    }
    if (last?.config.activation !== 'softmax') {
      return checkMessage(
        `The last layer is not a softmax. A clip is exactly one of ${numClasses} commands: end with tf.layers.dense({ units: ${numClasses}, activation: 'softmax' }) and train with sparseCategoricalCrossentropy on the integer labels.`,
        `最后一层不是 softmax。每段音频恰好是 ${numClasses} 个指令之一：请以 tf.layers.dense({ units: ${numClasses}, activation: 'softmax' }) 结尾，并用整数标签配 sparseCategoricalCrossentropy 训练。`,
      );
    }
    return null;
  };
}

// ------------------------------------------------------------------ train: accuracy on hidden clips

/** Accuracy, with the order-blind baseline and the share of clips whose command was found up to its direction. */
function commandScore(output: WireValue, _args: WireValue[], seed: number) {
  const { hidden } = splitsOf(seed);
  if (output.kind !== 'list' || output.items.length !== hidden.count) throw new Error(`expected ${hidden.count} answers`);
  const predicted = output.items.map((answer, k) => predictedClass(answer, k, COMMAND_CLASS_COUNT, 'clip'));
  const correct = predicted.filter((p, i) => p === hidden.labels[i]).length;
  const rightPair = predicted.filter((p, i) => p >> 1 === hidden.labels[i] >> 1).length;
  return {
    value: correct / hidden.count,
    extras: { 'right pair, either direction': rightPair / hidden.count, 'order-blind baseline (average spectrum)': baselineOf(seed) },
  };
}

export default defineSpec({
  id: '15-spoken-command-spectrogram',
  entries: ['logSpectrogram', 'buildModel', 'train'],
  allowList: 'full',
  timeBudgetMs: 60_000,
  memoryMb: 1024,
  fullCheckSeeds: 3,
  // The mistake is recognised from logSpectrogram's output: proving it trains nothing.
  mistakeCheckSeeds: 1,
  tolerance: SPECTROGRAM_TOLERANCE,
  cases: [
    { name: `logSpectrogram: 4 command clips [4, ${CLIP_SAMPLES}], frames of ${FRAME_LENGTH} every ${HOP}`, visibility: 'visible', generate: visibleClips },
    { name: 'logSpectrogram: 2 noise clips [2, 100], frames of 16 every 8', visibility: 'visible', generate: noiseClips(2, 100, 16, 8) },
    { name: 'logSpectrogram: 3 noise clips [3, 300], frames of 32 every 20 (the last samples fit no frame)', visibility: 'hidden', generate: noiseClips(3, 300, 32, 20) },
    {
      name: `buildModel(${FRAMES}, ${BINS}, ${COMMAND_CLASS_COUNT}): Conv1D → LSTM → softmax ${COMMAND_CLASS_COUNT}`,
      visibility: 'visible',
      entry: 'buildModel',
      generate: () => [numberValue(FRAMES), numberValue(BINS), numberValue(COMMAND_CLASS_COUNT)],
      check: (output) => recurrentLayerCheck(output) ?? spectrogramContract(FRAMES, BINS, COMMAND_CLASS_COUNT)(output),
    },
    {
      name: 'buildModel(50, 33, 10): the sizes come from the arguments',
      visibility: 'hidden',
      entry: 'buildModel',
      generate: () => [numberValue(50), numberValue(33), numberValue(10)],
      check: (output) => recurrentLayerCheck(output) ?? spectrogramContract(50, 33, 10)(output),
    },
    {
      name: `train: accuracy on ${SPLIT_SIZES.hidden} hidden clips`,
      visibility: 'visible',
      entry: 'train',
      generate: trainingData,
      queries: (seed) => {
        const { hidden } = splitsOf(seed);
        return Array.from({ length: hidden.count }, (_, i) => [tensorValue([1, CLIP_SAMPLES], clipAt(hidden, i))]);
      },
      metric: {
        metric: 'accuracy',
        direction: 'higher',
        threshold: ACCURACY_THRESHOLD,
        baseline: BASELINE_ACCURACY,
        referenceScore: REFERENCE_ACCURACY,
        score: commandScore,
      },
    },
  ],
  reference,
  knownMistakes: [
    {
      id: 'no-window',
      message: {
        en: 'the frames were not windowed. Multiply every frame by the periodic Hann window w[n] = 0.5 − 0.5·cos(2πn/L) before the DFT: a frame cut out with hard edges leaks every strong harmonic into all the other bins, which blurs the formants the model has to see.',
        zh: '没有给帧加窗。做 DFT 之前，请把每一帧乘以周期 Hann 窗 w[n] = 0.5 − 0.5·cos(2πn/L)：硬切出来的帧会把每个强谐波泄漏到其他所有频率槽里，模型要看的共振峰就被抹平了。',
      },
      matches: noWindow,
    },
  ],
});
