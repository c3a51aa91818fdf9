// The order-blind baseline of the text exercises: multinomial logistic regression on word counts, fitted in plain JS.
import { Tokenizer } from '@/lib/text';

/** How the baseline is fitted. */
export interface BagOfWordsOptions {
  /** Vocabulary limit, as Keras' Tokenizer numWords (indices < numWords; the rest fall into the OOV count). */
  numWords: number;
  /** Full-batch gradient-descent steps. */
  iterations?: number;
  learningRate?: number;
  /** L2 penalty on the weights (not the biases). */
  l2?: number;
}

/** Class probabilities of one text. */
export type TextClassifier = (text: string) => Float64Array;

/** A text's word counts, sparse: [word index, count] pairs (index 1 counts every out-of-vocabulary word). */
type Counts = [number, number][];

function wordCounts(tokenizer: Tokenizer, text: string): Counts {
  const counts = new Map<number, number>();
  for (const i of tokenizer.textsToSequences([text])[0]) counts.set(i, (counts.get(i) ?? 0) + 1);
  return [...counts];
}

/** Softmax of `z` in place. */
function softmaxInPlace(z: Float64Array): Float64Array {
  const max = Math.max(...z);
  let sum = 0;
  for (let k = 0; k < z.length; k++) sum += z[k] = Math.exp(z[k] - max);
  for (let k = 0; k < z.length; k++) z[k] /= sum;
  return z;
}

/**
 * Fits softmax regression on bag-of-words counts (the words' order thrown away) by full-batch gradient descent on
 * the mean cross-entropy, and returns the fitted classifier. Deterministic: weights start at zero.
 */
export function fitBagOfWords(texts: readonly string[], labels: readonly number[], numClasses: number, options: BagOfWordsOptions): TextClassifier {
  const { numWords, iterations = 300, learningRate = 0.5, l2 = 1e-4 } = options;
  const tokenizer = new Tokenizer({ numWords, oovToken: '<OOV>' });
  tokenizer.fitOnTexts(texts);
  const x = texts.map((t) => wordCounts(tokenizer, t));
  const weights = Array.from({ length: numClasses }, () => new Float64Array(numWords)); // [class][word]
  const bias = new Float64Array(numClasses);
  const logits = (row: Counts) => Float64Array.from(weights, (w, k) => row.reduce((s, [j, c]) => s + w[j] * c, bias[k]));
  for (let step = 0; step < iterations; step++) {
    const gradW = Array.from({ length: numClasses }, () => new Float64Array(numWords));
    const gradB = new Float64Array(numClasses);
    x.forEach((row, n) => {
      const p = softmaxInPlace(logits(row));
      p[labels[n]] -= 1; // ∂(cross-entropy)/∂logits
      for (let k = 0; k < numClasses; k++) {
        gradB[k] += p[k];
        for (const [j, c] of row) gradW[k][j] += p[k] * c;
      }
    });
    for (let k = 0; k < numClasses; k++) {
      bias[k] -= (learningRate * gradB[k]) / x.length;
      for (let j = 0; j < numWords; j++) weights[k][j] -= learningRate * (gradW[k][j] / x.length + l2 * weights[k][j]);
    }
  }
  return (text) => softmaxInPlace(logits(wordCounts(tokenizer, text)));
}

/** Index of the largest value (the first one on ties). */
export function argMax(values: ArrayLike<number>): number {
  let best = 0;
  for (let j = 1; j < values.length; j++) if (values[j] > values[best]) best = j;
  return best;
}

/** Share of texts whose arg-max class equals the label. */
export function classifierAccuracy(classify: TextClassifier, texts: readonly string[], labels: readonly number[]): number {
  return texts.filter((t, n) => argMax(classify(t)) === labels[n]).length / texts.length;
}
