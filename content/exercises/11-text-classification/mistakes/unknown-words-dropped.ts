// Known mistake of exercise 11: no OOV token — unknown and rare words are dropped and the words are numbered from 1.
import * as tf from '@tensorflow/tfjs';
import type { Predictor, TopicData, TrainingContext } from '../types';

/** Keras' default filters: punctuation, tab and newline, but not the apostrophe. */
const FILTERS = new Set('!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n');
const EMBEDDING_SIZE = 16;
const LSTM_UNITS = 32;
const EPOCHS = 4;
const BATCH_SIZE = 64;
const LEARNING_RATE = 0.01;

/** Keras' text_to_word_sequence: lower-case, filter characters become spaces, split, drop empty strings. */
function words(text: string): string[] {
  const spaced = Array.from(text.toLowerCase(), (ch) => (FILTERS.has(ch) ? ' ' : ch)).join('');
  return spaced.split(' ').filter((w) => w.length > 0);
}

/** Word → index: words by descending count from 1, ties in first-occurrence order. */
function fitWordIndex(texts: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const w of words(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const byCount = [...counts].sort((a, b) => b[1] - a[1]); // a stable sort keeps first-occurrence order on ties
  return new Map(byCount.map(([w], i) => [w, i + 1])); // no index kept for unknown words
}

/** maxLen indices: the last maxLen of `indices`, zeros in front (Keras' padding and truncating 'pre'). */
function padPre(indices: number[], maxLen: number): number[] {
  const kept = indices.slice(Math.max(0, indices.length - maxLen));
  return [...new Array<number>(maxLen - kept.length).fill(0), ...kept];
}

/** A function from texts to padded rows, with the vocabulary of `fitTexts` cut at numWords. */
function textEncoder(fitTexts: string[], numWords: number, maxLen: number): (texts: string[]) => number[][] {
  const wordIndex = fitWordIndex(fitTexts);
  const known = (w: string) => (wordIndex.get(w) ?? numWords) < numWords;
  return (texts) => texts.map((text) => padPre(words(text).filter(known).map((w) => wordIndex.get(w)!), maxLen)); // unknown words vanish
}

/** [n, maxLen] int32: `texts` as Keras' Tokenizer(numWords, oovToken) fitted on `fitTexts`, then pad_sequences(maxlen). */
export function encodeTexts(fitTexts: string[], texts: string[], numWords: number, maxLen: number): tf.Tensor2D {
  const rows = textEncoder(fitTexts, numWords, maxLen)(texts);
  return tf.tensor2d(rows.flat(), [texts.length, maxLen], 'int32'); // [n, maxLen]
}

/** Word indices [B, maxLen] → topic probabilities [B, numClasses]; padded steps are masked. */
export function buildModel(vocabSize: number, maxLen: number, numClasses: number): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocabSize, outputDim: EMBEDDING_SIZE, inputLength: maxLen, maskZero: true })); // [B, maxLen, 16]
  model.add(tf.layers.lstm({ units: LSTM_UNITS, recurrentActivation: 'sigmoid', recurrentInitializer: 'glorotUniform' })); // [B, 32]
  model.add(tf.layers.dense({ units: numClasses, activation: 'softmax' })); // [B, numClasses]
  return model;
}

/** Fits the tokenizer and the model on the training sentences and returns a predictor of raw sentences. */
export async function train(data: TopicData, ctx: TrainingContext): Promise<Predictor> {
  const encode = textEncoder(data.texts, data.numWords, data.maxLen);
  const x = tf.tensor2d(encode(data.texts).flat(), [data.texts.length, data.maxLen], 'int32'); // [n, maxLen]
  const y = tf.tensor1d(data.labels, 'float32'); // [n] topic indices
  const model = buildModel(data.numWords, data.maxLen, data.topics.length);
  model.compile({ optimizer: tf.train.adam(LEARNING_RATE), loss: 'sparseCategoricalCrossentropy' });
  await model.fit(x, y, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, callbacks: ctx.fitCallbacks() });
  tf.dispose([x, y]);
  return (text) =>
    tf.tidy(() => {
      const row = tf.tensor2d(encode([text])[0], [1, data.maxLen], 'int32'); // [1, maxLen]
      return (model.predict(row) as tf.Tensor2D).reshape([-1]); // [numClasses]
    });
}
