// Checks of exercise 16-action-recognition: videos shaped [n, frames, H, W, 1] exactly, a timeDistributed CNN under an LSTM, and accuracy on hidden videos.
import { predictedClass } from '@/lib/grader/answers';
import { checkMessage, readModelSummary, recurrentLayerCheck, shapeText } from '@/lib/grader/model-summary';
import {
  ACTION_CLASS_COUNT,
  frameAverageBaselineAccuracy,
  VIDEO_FRAMES as T,
  VIDEO_SIZE as S,
  videoAt,
  videoSplits,
} from '@/lib/datasets/moving-shapes';
import type { LocalizedText } from '@/lib/grader/result';
import { perSeed } from '@/lib/grader/per-seed';
import { defineSpec } from '@/lib/grader/spec';
import { numberValue, recordValue, tensorValue, type WireValue } from '@/lib/grader/values';
import { createRng } from '@/lib/lstm/random';

const SPLIT_SIZES = { train: 800, visible: 4, hidden: 300 };

/**
 * Accuracy on the 300 hidden videos. Measured 2026-12-06 with solution.ts (timeDistributed(conv2d 8 × 3×3,
 * stride 2) → timeDistributed(flatten) → LSTM 32 → softmax 6, Adam 0.005, 6 epochs of batch 32; a throwaway
 * tsx script calling train() and the classifier with Math.random seeded as the grader seeds it, checked by
 * `npx tsx scripts/content-check-exercises.ts 16-action-recognition --full`, wasm, Node 20):
 * 0.913 / 0.970 / 0.940 on seeds 1–3; train() took 5.1 / 7.6 / 7.1 s wall (5.0 / 4.3 / 4.5 s of CPU; the
 * machine was shared), the 300 classifier calls < 1 s. The order-blind baseline, a softmax regression on
 * each video's frame average (its 144 pixels averaged over the 8 frames), scores 0.353 / 0.347 / 0.360; no
 * order-blind method can pass 0.5 in expectation, since every action's reverse has the same frames.
 * Threshold: halfway from the baseline's best seed (0.360) to the reference's worst (0.913) is 0.637,
 * rounded up to 0.65.
 */
const BASELINE_ACCURACY = 0.36;
const REFERENCE_ACCURACY = 0.913;
const ACCURACY_THRESHOLD = 0.65;

// ------------------------------------------------------------------ data

/** The seed's videos (generated once per seed: training data, queries and score share them). */
const splitsOf = perSeed((seed) => videoSplits(seed, SPLIT_SIZES));

/** The order-blind baseline's accuracy on the hidden videos (fitted once per seed). */
const baselineOf = perSeed((seed) => frameAverageBaselineAccuracy(splitsOf(seed).train, splitsOf(seed).hidden));

/** train()'s argument: the training videos [n, 8, 12, 12] as grey levels, their labels and the class count. */
function trainingData(seed: number): WireValue[] {
  const { train } = splitsOf(seed);
  return [
    recordValue({
      videos: tensorValue([train.count, T, S, S], train.pixels),
      labels: tensorValue([train.count], train.labels),
      numClasses: numberValue(ACTION_CLASS_COUNT),
    }),
  ];
}

/** The visible split's videos: toVideoTensor's argument. */
function visibleVideos(seed: number): WireValue[] {
  const { visible } = splitsOf(seed);
  return [tensorValue([visible.count, T, S, S], visible.pixels)];
}

/** Random grey levels [n, frames, height, width]: sizes other than 8 × 12 × 12, so every axis is told apart. */
function randomVideos(n: number, frames: number, height: number, width: number) {
  return (seed: number): WireValue[] => {
    const rng = createRng(seed * 101 + frames * 13 + height);
    return [tensorValue([n, frames, height, width], Array.from({ length: n * frames * height * width }, () => rng.integer(0, 256)))];
  };
}

// ------------------------------------------------------------------ toVideoTensor: reference and mistakes

type Tensor = Extract<WireValue, { kind: 'tensor' }>;
const videosOf = (args: WireValue[]) => args[0] as Tensor;

/** [n, T, H, W, 1] in 0 … 1: the pixels in their order, with a channel axis. */
function videoTensor(videos: Tensor): WireValue {
  return tensorValue([...videos.shape, 1], Array.from(videos.data, (v) => v / 255));
}

function reference(args: WireValue[], entry: string): WireValue {
  if (entry === 'toVideoTensor') return videoTensor(videosOf(args));
  throw new Error(`no reference for ${entry}`);
}

const shapeIs = (actual: WireValue, shape: number[]) => actual.kind === 'tensor' && actual.shape.join() === shape.join();

/** The frames were folded into the batch: [n·T, H, W, 1], every frame a separate image. */
function framesInBatch(actual: WireValue, args: WireValue[]): boolean {
  const [n, frames, height, width] = videosOf(args).shape;
  return shapeIs(actual, [n * frames, height, width, 1]) || shapeIs(actual, [n * frames, height, width]);
}

/** The frames became the channels of one image: [n, H, W, T]. */
function framesAsChannels(actual: WireValue, args: WireValue[]): boolean {
  const [n, frames, height, width] = videosOf(args).shape;
  return shapeIs(actual, [n, height, width, frames]);
}

// ------------------------------------------------------------------ buildModel: the structural contract

/** Reads [batch, frames, height, width, 1], runs a Conv2D on every frame, ends in a softmax over numClasses. */
function videoContract(frames: number, height: number, width: number, numClasses: number) {
  return (output: WireValue): LocalizedText | null => {
    const model = readModelSummary(output)!;
    const input = shapeText(model.inputShape);
    const out = shapeText(model.outputShape);
    const last = model.layers[model.layers.length - 1];
    if (input !== shapeText([null, frames, height, width, 1])) {
      return checkMessage(
        `The model reads ${input}; it should read [batch, ${frames}, ${height}, ${width}, 1]: ${frames} frames of ${height} × ${width} pixels with one channel.`,
        `模型的输入是 ${input}；应为 [batch, ${frames}, ${height}, ${width}, 1]：${frames} 帧，每帧 ${height} × ${width} 像素、一个通道。`,
      );
    }
    if (!model.layers.some((l) => l.className === 'TimeDistributed' && l.wrapped === 'Conv2D')) {
      return checkMessage(
        'The model has no Conv2D wrapped in TimeDistributed. A Conv2D reads one image [batch, H, W, C] and refuses a 5-D video; tf.layers.timeDistributed({ layer: tf.layers.conv2d({ … }) }) applies the same convolution to every frame and keeps the frame axis for the LSTM.',
        '模型里没有被 TimeDistributed 包住的 Conv2D。Conv2D 读取的是单张图像 [batch, H, W, C]，不接受五维的视频；tf.layers.timeDistributed({ layer: tf.layers.conv2d({ … }) }) 会把同一个卷积应用到每一帧上，并为 LSTM 保留帧这条轴。',
      );
    }
    if (out !== shapeText([null, numClasses])) {
      return checkMessage(
        `The output shape is ${out}; it should be [batch, ${numClasses}]: one probability per action. If it has a frame axis, leave returnSequences false on the last recurrent layer.`,
        `输出形状是 ${out}；应为 [batch, ${numClasses}]：每个动作一个概率。如果输出带着帧轴，请把最后一个循环层的 returnSequences 保持为 false。`,
      );
    }
    if (last?.config.activation !== 'softmax') {
      return checkMessage(
        `The last layer is not a softmax. A video shows exactly one of ${numClasses} actions: end with tf.layers.dense({ units: ${numClasses}, activation: 'softmax' }) and train with sparseCategoricalCrossentropy on the integer labels.`,
        `最后一层不是 softmax。每段视频恰好是 ${numClasses} 个动作之一：请以 tf.layers.dense({ units: ${numClasses}, activation: 'softmax' }) 结尾，并用整数标签配 sparseCategoricalCrossentropy 训练。`,
      );
    }
    return null;
  };
}

// ------------------------------------------------------------------ train: accuracy on hidden videos

/** Accuracy, with the order-blind baseline and the share of videos whose motion was found whichever the direction. */
function actionScore(output: WireValue, _args: WireValue[], seed: number) {
  const { hidden } = splitsOf(seed);
  if (output.kind !== 'list' || output.items.length !== hidden.count) throw new Error(`expected ${hidden.count} answers`);
  const predicted = output.items.map((answer, k) => predictedClass(answer, k, ACTION_CLASS_COUNT, 'video'));
  const correct = predicted.filter((p, i) => p === hidden.labels[i]).length;
  const rightMotion = predicted.filter((p, i) => p >> 1 === hidden.labels[i] >> 1).length;
  return {
    value: correct / hidden.count,
    extras: { 'right motion, either direction': rightMotion / hidden.count, 'order-blind baseline (frame average)': baselineOf(seed) },
  };
}

function mistake(id: string, en: string, zh: string, matches: (actual: WireValue, args: WireValue[]) => boolean) {
  return { id, message: { en, zh }, matches };
}

export default defineSpec({
  id: '16-action-recognition',
  entries: ['toVideoTensor', 'buildModel', 'train'],
  allowList: 'full',
  timeBudgetMs: 60_000,
  memoryMb: 1024,
  fullCheckSeeds: 3,
  // Both mistakes are recognised from toVideoTensor's output: proving them trains nothing.
  mistakeCheckSeeds: 1,
  tolerance: 'forward',
  cases: [
    { name: `toVideoTensor: 4 videos [4, ${T}, ${S}, ${S}]`, visibility: 'visible', generate: visibleVideos },
    { name: 'toVideoTensor: 2 random videos [2, 3, 5, 7]', visibility: 'visible', generate: randomVideos(2, 3, 5, 7) },
    { name: 'toVideoTensor: 3 random videos [3, 6, 9, 4]', visibility: 'hidden', generate: randomVideos(3, 6, 9, 4) },
    {
      name: `buildModel(${T}, ${S}, ${S}, ${ACTION_CLASS_COUNT}): timeDistributed(conv2d) → LSTM → softmax ${ACTION_CLASS_COUNT}`,
      visibility: 'visible',
      entry: 'buildModel',
      generate: () => [numberValue(T), numberValue(S), numberValue(S), numberValue(ACTION_CLASS_COUNT)],
      check: (output) => recurrentLayerCheck(output) ?? videoContract(T, S, S, ACTION_CLASS_COUNT)(output),
    },
    {
      name: 'buildModel(5, 16, 10, 4): the sizes come from the arguments',
      visibility: 'hidden',
      entry: 'buildModel',
      generate: () => [numberValue(5), numberValue(16), numberValue(10), numberValue(4)],
      check: (output) => recurrentLayerCheck(output) ?? videoContract(5, 16, 10, 4)(output),
    },
    {
      name: `train: accuracy on ${SPLIT_SIZES.hidden} hidden videos`,
      visibility: 'visible',
      entry: 'train',
      generate: trainingData,
      queries: (seed) => {
        const { hidden } = splitsOf(seed);
        return Array.from({ length: hidden.count }, (_, i) => [tensorValue([1, T, S, S], videoAt(hidden, i))]);
      },
      metric: {
        metric: 'accuracy',
        direction: 'higher',
        threshold: ACCURACY_THRESHOLD,
        baseline: BASELINE_ACCURACY,
        referenceScore: REFERENCE_ACCURACY,
        score: actionScore,
      },
    },
  ],
  reference,
  knownMistakes: [
    mistake(
      'frames-in-batch',
      'the frames were folded into the batch ([n·T, H, W, 1]): every frame became a separate image. A plain Conv2D accepts that, but the video is gone — nothing tells the model which frames belong together or in what order. Keep the frame axis: [n, T, H, W, 1], and let tf.layers.timeDistributed run the Conv2D on each frame.',
      '帧被折进了批次维度（[n·T, H, W, 1]）：每一帧都成了一张独立的图像。普通的 Conv2D 能接受这样的输入，但视频已经没了——模型无从知道哪些帧属于同一段视频、顺序如何。请保留帧这条轴：[n, T, H, W, 1]，再用 tf.layers.timeDistributed 让 Conv2D 在每一帧上运行。',
      framesInBatch,
    ),
    mistake(
      'frames-as-channels',
      'the frames became the channels of one image ([n, H, W, T]). A Conv2D then mixes all frames in its first layer and nothing after it can follow the motion step by step; this exercise keeps one frame per time step: [n, T, H, W, 1] (batch, frames, height, width, channels), read by timeDistributed(conv2d) and an LSTM.',
      '帧变成了一张图像的通道（[n, H, W, T]）。这样 Conv2D 在第一层就把所有帧混在了一起，之后没有任何一层能一步步跟踪运动；本题要求每个时间步一帧：[n, T, H, W, 1]（批次、帧、高、宽、通道），由 timeDistributed(conv2d) 和 LSTM 读取。',
      framesAsChannels,
    ),
  ],
});
