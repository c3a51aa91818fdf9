// Known mistake of exercise 12: a stop-word list removes "not", "didn't" and "but" before tokenizing, so most negations never reach the model.
import * as tf from '@tensorflow/tfjs';
import type { Predictor, ReviewData, TrainingContext } from '../types';

/** Keras' default filters: punctuation, tab and newline, but not the apostrophe. */
const FILTERS = new Set('!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n');
const OOV_INDEX = 1;
/** Common English stop words (as in NLTK's list): they include the negators and the turns. */
const STOP_WORDS = new Set(['the', 'a', 'an', 'it', 'i', 'was', 'to', 'did', 'not', 'no', "didn't", 'but', 'very', 'really', 'although', 'at', 'all']);
const EMBEDDING_SIZE = 16;
const LSTM_UNITS = 16;
const EPOCHS = 5;
const BATCH_SIZE = 64;
const LEARNING_RATE = 0.01;

/** Keras' text_to_word_sequence: lower-case, filter characters become spaces, split, drop empty strings. */
function words(text: string): string[] {
  const spaced = Array.from(text.toLowerCase(), (ch) => (FILTERS.has(ch) ? ' ' : ch)).join('');
  return spaced.split(' ').filter((w) => w.length > 0);
}

/** Word → index: the OOV token takes 1, then words by descending count, ties in first-occurrence order. */
function fitWordIndex(texts: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const w of words(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const byCount = [...counts].sort((a, b) => b[1] - a[1]); // a stable sort keeps first-occurrence order on ties
  return new Map(byCount.map(([w], i) => [w, i + 2]));
}

/** maxLen indices: the last maxLen of `indices`, zeros in front (Keras' padding and truncating 'pre'). */
function padPre(indices: number[], maxLen: number): number[] {
  const kept = indices.slice(Math.max(0, indices.length - maxLen));
  return [...new Array<number>(maxLen - kept.length).fill(0), ...kept];
}

/** A function from texts to padded rows, with the vocabulary of `fitTexts` cut at numWords. */
function textEncoder(fitTexts: string[], numWords: number, maxLen: number): (texts: string[]) => number[][] {
  const wordIndex = fitWordIndex(fitTexts);
  const indexOf = (w: string) => {
    const i = wordIndex.get(w);
    return i !== undefined && i < numWords ? i : OOV_INDEX; // indices ≥ numWords are out of vocabulary too
  };
  return (texts) => texts.map((text) => padPre(words(text).map(indexOf), maxLen));
}

/** [n, maxLen] int32: `texts` as Keras' Tokenizer(numWords, oovToken) fitted on `fitTexts`, then pad_sequences(maxlen). */
export function encodeTexts(fitTexts: string[], texts: string[], numWords: number, maxLen: number): tf.Tensor2D {
  const rows = textEncoder(fitTexts, numWords, maxLen)(texts);
  return tf.tensor2d(rows.flat(), [texts.length, maxLen], 'int32'); // [n, maxLen]
}

/** Word indices [B, maxLen] → the probability that the review is positive [B, 1]; padded steps are masked. */
export function buildModel(vocabSize: number, maxLen: number): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: vocabSize, outputDim: EMBEDDING_SIZE, inputLength: maxLen, maskZero: true })); // [B, maxLen, 16]
  const lstm = tf.layers.lstm({ units: LSTM_UNITS, recurrentActivation: 'sigmoid', recurrentInitializer: 'glorotUniform' });
  model.add(tf.layers.bidirectional({ layer: lstm, mergeMode: 'concat' })); // [B, 2·16]: the sentence read both ways
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' })); // [B, 1]
  return model;
}

/** Fits the tokenizer and the model on the training reviews and returns a predictor of raw reviews. */
export async function train(data: ReviewData, ctx: TrainingContext): Promise<Predictor> {
  const withoutStopWords = (text: string) => words(text).filter((w) => !STOP_WORDS.has(w)).join(' ');
  const encodeAll = textEncoder(data.texts.map(withoutStopWords), data.numWords, data.maxLen);
  const encode = (texts: string[]) => encodeAll(texts.map(withoutStopWords));
  const x = tf.tensor2d(encode(data.texts).flat(), [data.texts.length, data.maxLen], 'int32'); // [n, maxLen]
  const y = tf.tensor2d(data.labels, [data.labels.length, 1]); // [n, 1] 1 = positive
  const model = buildModel(data.numWords, data.maxLen);
  model.compile({ optimizer: tf.train.adam(LEARNING_RATE), loss: 'binaryCrossentropy' });
  await model.fit(x, y, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, callbacks: ctx.fitCallbacks() });
  tf.dispose([x, y]);
  return (text) =>
    tf.tidy(() => {
      const row = tf.tensor2d(encode([text])[0], [1, data.maxLen], 'int32'); // [1, maxLen]
      return (model.predict(row) as tf.Tensor2D).reshape([1]); // [1] p(positive)
    });
}
