// Checks of exercise 12-sentiment-negation: Keras-exact tokenizing, a masked Embedding → LSTM → sigmoid model, and accuracy on hidden reviews where order decides.
import { classifierAccuracy, fitBagOfWords } from '@/lib/datasets/bag-of-words';
import { REVIEW_KINDS, reviewSplits, type ReviewKind, type Reviews } from '@/lib/datasets/review-sentences';
import { checkMessage, readModelSummary, recurrentLayerCheck, shapeText } from '@/lib/grader/model-summary';
import type { LocalizedText } from '@/lib/grader/result';
import { perSeed } from '@/lib/grader/per-seed';
import { defineSpec } from '@/lib/grader/spec';
import { describeValue, listValue, numberValue, recordValue, tensorValue, type WireValue } from '@/lib/grader/values';
import { padSequences, textToWordSequence, Tokenizer } from '@/lib/text';

const NUM_WORDS = 100;
const MAX_LEN = 20;
const SPLIT_SIZES = { train: 2000, visible: 12, hidden: 600 };

/**
 * Accuracy on the 600 hidden reviews. Measured 2026-12-06 with solution.ts (Embedding 16 (maskZero) →
 * Bidirectional(LSTM 16) → sigmoid, Adam 0.01, 5 epochs of batch 64; `npm run grade -- 12-sentiment-negation
 * content/exercises/12-sentiment-negation/solution.ts --hidden --seed N`, wasm, Node 20): accuracy
 * 1.000 / 1.000 / 1.000 on seeds 1–3 (every plain, negated and contrast review right). The bag-of-words
 * logistic regression (lib/datasets/bag-of-words.ts, same tokenizer, 300 full-batch steps) scores
 * 0.718 / 0.727 / 0.735 on the same reviews. train() took 10.4 / 10.6 / 9.6 s CPU (15.4 / 21.7 / 15.6 s wall
 * with other jobs on the 2 cores; 9.9–12.6 s wall in an earlier, quieter run) and the 600 predictor calls
 * 5.7–9.8 s wall (timed apart by a throwaway tsx script calling train() and the predictor with Math.random
 * seeded as the grader seeds it).
 * Threshold: halfway from the baseline's best seed (0.735) to the reference (1.000) is 0.87; 0.95 is set
 * higher because the reference leaves no review wrong, and a model that loses the negators to a stop-word
 * list still scores 0.905 on seed 1 (mistakes/negators-removed.ts): "not" is only one of five negators.
 */
const BASELINE_ACCURACY = 0.735;
const REFERENCE_ACCURACY = 1;
const ACCURACY_THRESHOLD = 0.95;

// ------------------------------------------------------------------ data

/** The seed's reviews (generated once per seed: the cases, the score and the baseline share them). */
const splitsOf = perSeed((seed) => reviewSplits(seed, SPLIT_SIZES));

const stringValue = (value: string): WireValue => ({ kind: 'string', value });
const textsValue = (texts: string[]) => listValue(texts.map(stringValue));
const textsOf = (v: WireValue): string[] => (v.kind === 'list' ? v.items.map((s) => (s.kind === 'string' ? s.value : '')) : []);
const num = (v: WireValue) => (v as { value: number }).value;

/** encodeTexts' arguments: a tokenizer fitted on the training reviews encodes 12 of them and the visible ones. */
function encodeCase(numWords: number, maxLen: number) {
  return (seed: number): WireValue[] => {
    const { train, visible } = splitsOf(seed);
    return [textsValue(train.texts), textsValue([...train.texts.slice(0, 12), ...visible.texts]), numberValue(numWords), numberValue(maxLen)];
  };
}

/** Hand-written reviews where Keras' filters matter: "didn't" is one word, "not," and "not" are the same word. */
const APOSTROPHE_TEXTS = ["I didn't love it, but I didn't hate it.", "Not bad -- not bad at all! Didn't expect that.", "It wasn't 'great'; it was GREAT."];

/** train()'s argument: the training reviews and the preprocessing sizes. */
function trainingData(seed: number): WireValue[] {
  const { train } = splitsOf(seed);
  return [
    recordValue({
      texts: textsValue(train.texts),
      labels: listValue(train.labels.map(numberValue)),
      numWords: numberValue(NUM_WORDS),
      maxLen: numberValue(MAX_LEN),
    }),
  ];
}

// ------------------------------------------------------------------ encodeTexts: the reference (lib/text)

/** Keras: Tokenizer(num_words, oov_token='<OOV>') fitted on fitTexts, texts_to_sequences(texts), pad_sequences(maxlen). */
function reference(args: WireValue[], entry: string): WireValue {
  if (entry !== 'encodeTexts') throw new Error(`no reference for ${entry}`);
  const [fitTexts, texts, numWords, maxLen] = [textsOf(args[0]), textsOf(args[1]), num(args[2]), num(args[3])];
  const tokenizer = new Tokenizer({ numWords, oovToken: '<OOV>' });
  tokenizer.fitOnTexts(fitTexts);
  const rows = padSequences(tokenizer.textsToSequences(texts), { maxlen: maxLen });
  return tensorValue([texts.length, maxLen], rows.flat(), 'int32');
}

// ------------------------------------------------------------------ buildModel: the structural contract

/** A masked Embedding of vocabSize ids over [batch, maxLen] and one sigmoid unit. */
function sentimentModelContract(vocabSize: number, maxLen: number) {
  return (output: WireValue): LocalizedText | null => {
    const model = readModelSummary(output)!;
    const out = shapeText(model.outputShape);
    const embedding = model.layers.find((l) => l.className === 'Embedding');
    const last = model.layers[model.layers.length - 1];
    if (out !== shapeText([null, 1]) || last?.config.activation !== 'sigmoid') {
      return checkMessage(
        `The model's output is ${out}${last?.config.activation === 'sigmoid' ? '' : ' without a sigmoid'}; it should be [batch, 1]: the probability that the review is positive, from tf.layers.dense({ units: 1, activation: 'sigmoid' }), trained with binaryCrossentropy. Here one sigmoid unit is right: there is one yes/no question.`,
        `模型的输出是 ${out}${last?.config.activation === 'sigmoid' ? '' : '，且没有 sigmoid'}；应为 [batch, 1]：评论为正面的概率，由 tf.layers.dense({ units: 1, activation: 'sigmoid' }) 给出，用 binaryCrossentropy 训练。这里用一个 sigmoid 单元是对的：只有一个“是/否”问题。`,
      );
    }
    if (!embedding || typeof embedding.config.inputDim !== 'number' || embedding.config.inputDim < vocabSize) {
      return checkMessage(
        `The model needs an Embedding layer with inputDim ${vocabSize} (word indices 0 … ${vocabSize - 1}) in front of the LSTM.`,
        `LSTM 前面需要一个 inputDim 为 ${vocabSize}（词索引 0 … ${vocabSize - 1}）的 Embedding 层。`,
      );
    }
    if (embedding.config.maskZero !== true) {
      return checkMessage(
        'The Embedding does not mask padding (maskZero is not true), so the LSTM reads every padded 0 as a word; a backward LSTM would even start from them. Set maskZero: true.',
        '这个 Embedding 没有屏蔽填充（maskZero 不是 true），LSTM 会把每个填充的 0 当成一个词读进去；反向的 LSTM 甚至会从这些填充开始读。请设置 maskZero: true。',
      );
    }
    if (shapeText(model.inputShape) !== shapeText([null, maxLen])) {
      return checkMessage(
        `The model's input shape is ${shapeText(model.inputShape)}; it should read padded rows of word indices, [batch, ${maxLen}] (set inputLength: ${maxLen} on the Embedding).`,
        `模型的输入形状是 ${shapeText(model.inputShape)}；它应当读取填充后的词索引行 [batch, ${maxLen}]（在 Embedding 上设置 inputLength: ${maxLen}）。`,
      );
    }
    return null;
  };
}

const modelCheck = (vocabSize: number, maxLen: number) => (output: WireValue) =>
  recurrentLayerCheck(output, ['LSTM', 'GRU']) ?? sentimentModelContract(vocabSize, maxLen)(output);

// ------------------------------------------------------------------ train: accuracy on the hidden reviews

/** The bag-of-words logistic regression's accuracy on the seed's hidden reviews (fitted once per seed). */
const baselineAccuracy = perSeed((seed) => {
  const { train, hidden } = splitsOf(seed);
  const bow = fitBagOfWords(train.texts, train.labels, 2, { numWords: NUM_WORDS });
  return classifierAccuracy(bow, hidden.texts, hidden.labels);
});

/** The predicted label (p > 0.5) of every answer (one probability as [], [1] or [1, 1]). */
function predictedLabels(output: WireValue, hidden: Reviews): number[] {
  if (output.kind !== 'list' || output.items.length !== hidden.texts.length) throw new Error(`expected ${hidden.texts.length} answers`);
  return output.items.map((v, k) => {
    if (v.kind === 'tensor' && v.data.length === 1) return v.data[0] > 0.5 ? 1 : 0;
    const got = describeValue(v);
    throw new Error(`answer ${k + 1} is ${got}; return one probability (shape [1] or [1, 1]) per review`);
  });
}

/** Negators most stop-word lists contain: a review with one of them is lost when they are filtered out. */
const STOP_LIST_NEGATORS = new Set(['not', "didn't", 'did', 'no']);
const hasStopListNegator = (text: string) => textToWordSequence(text).some((w) => STOP_LIST_NEGATORS.has(w));
/** A review's words without the stop-list negators: "The plot was not clever." and "The plot was clever." share it. */
const withoutNegators = (text: string) => textToWordSequence(text).filter((w) => !STOP_LIST_NEGATORS.has(w)).join(' ');

/** Accuracy of the answers over the hidden reviews that `keep` selects. */
function accuracyOver(output: WireValue, seed: number, keep: (n: number) => boolean): number {
  const { hidden } = splitsOf(seed);
  const predicted = predictedLabels(output, hidden);
  const ns = predicted.map((_, n) => n).filter(keep);
  return ns.filter((n) => predicted[n] === hidden.labels[n]).length / ns.length;
}

/** Accuracy, with the accuracy on each kind of review and the baseline's as extras. */
function sentimentScore(output: WireValue, _args: WireValue[], seed: number) {
  const { hidden } = splitsOf(seed);
  const byKind = (kind: ReviewKind) => accuracyOver(output, seed, (n) => hidden.kinds[n] === kind);
  return {
    value: accuracyOver(output, seed, () => true),
    extras: {
      ...Object.fromEntries(REVIEW_KINDS.map((kind) => [`accuracy on ${kind} reviews`, byKind(kind)])),
      'accuracy on reviews with "not" or "didn\'t"': accuracyOver(output, seed, (n) => hasStopListNegator(hidden.texts[n])),
      'bag-of-words logistic regression accuracy': baselineAccuracy(seed),
    },
  };
}

/** Pairs of hidden reviews with opposite labels that differ only by stop-list negators ("was clever" / "was not clever"). */
function negationPairs(hidden: Reviews): [number, number][] {
  const groups = new Map<string, number[]>();
  hidden.texts.forEach((text, n) => groups.set(withoutNegators(text), [...(groups.get(withoutNegators(text)) ?? []), n]));
  return [...groups.values()].flatMap((ns) => ns.flatMap((a, i) => ns.slice(i + 1).filter((b) => hidden.labels[a] !== hidden.labels[b]).map((b): [number, number] => [a, b])));
}

/**
 * Identical answers to most reviews that differ only by "not" / "didn't" (and mean the opposite): the model got
 * the same input for both, so those words were filtered out before it.
 */
function diagnoseSentiment(output: WireValue, _args: WireValue[], seed: number): string | null {
  const { hidden } = splitsOf(seed);
  if (output.kind !== 'list') return null;
  const probability = (n: number) => {
    const v = output.items[n];
    return v.kind === 'tensor' && v.data.length === 1 ? v.data[0] : Number.NaN;
  };
  const pairs = negationPairs(hidden);
  const identical = pairs.filter(([a, b]) => Math.abs(probability(a) - probability(b)) < 1e-6).length;
  return pairs.length >= 3 && identical >= 0.8 * pairs.length ? 'negators-removed' : null;
}

export default defineSpec({
  id: '12-sentiment-negation',
  entries: ['encodeTexts', 'buildModel', 'train'],
  allowList: 'full',
  timeBudgetMs: 60_000,
  memoryMb: 1024,
  fullCheckSeeds: 3,
  // The mistake trains the model (≈ 12 s): one seed proves the naming.
  mistakeCheckSeeds: 1,
  tolerance: 'forward',
  cases: [
    { name: 'encodeTexts: fitted on the 2000 training reviews, numWords 30, maxLen 20', visibility: 'visible', generate: encodeCase(30, MAX_LEN) },
    {
      name: "encodeTexts: apostrophes stay inside words (\"didn't\"), long reviews lose their first words",
      visibility: 'hidden',
      generate: () => [textsValue(APOSTROPHE_TEXTS), textsValue(APOSTROPHE_TEXTS), numberValue(1000), numberValue(6)],
    },
    {
      name: `buildModel(${NUM_WORDS}, ${MAX_LEN}): masked Embedding → LSTM → one sigmoid unit`,
      visibility: 'visible',
      entry: 'buildModel',
      generate: () => [numberValue(NUM_WORDS), numberValue(MAX_LEN)],
      check: modelCheck(NUM_WORDS, MAX_LEN),
    },
    {
      name: 'buildModel(40, 12): the sizes come from the arguments',
      visibility: 'hidden',
      entry: 'buildModel',
      generate: () => [numberValue(40), numberValue(12)],
      check: modelCheck(40, 12),
    },
    {
      name: 'train: sentiment accuracy on 600 hidden reviews',
      visibility: 'visible',
      entry: 'train',
      generate: trainingData,
      queries: (seed) => splitsOf(seed).hidden.texts.map((text) => [stringValue(text)]),
      metric: {
        metric: 'accuracy',
        direction: 'higher',
        threshold: ACCURACY_THRESHOLD,
        baseline: BASELINE_ACCURACY,
        referenceScore: REFERENCE_ACCURACY,
        score: sentimentScore,
        diagnose: diagnoseSentiment,
      },
    },
  ],
  reference,
  knownMistakes: [
    {
      id: 'negators-removed',
      message: {
        en: "your predictor gives the very same answer to hidden reviews that differ only by \"not\" or \"didn't\" and mean the opposite (\"The plot was clever.\" / \"The plot was not clever.\"): those words never reached the model. A stop-word list (NLTK's, scikit-learn's) removes \"not\", \"no\", \"didn't\" and \"but\" — exactly the words that flip or override a sentiment. Keep every word for sentiment: \"not good\" and \"good\" must be different inputs.",
        zh: "对只差一个 \"not\" 或 \"didn't\"、意思相反的隐藏评论（\"The plot was clever.\" / \"The plot was not clever.\"），你的预测函数给出完全相同的答案：这些词根本没有进入模型。停用词表（NLTK、scikit-learn 的）会删掉 \"not\"、\"no\"、\"didn't\" 和 \"but\"——恰恰是翻转或覆盖情感的词。做情感分析时要保留每个词：\"not good\" 和 \"good\" 必须是不同的输入。",
      },
    },
  ],
});
