// Starter of exercise 12-sentiment-negation: what the editor opens with.
import * as tf from '@tensorflow/tfjs';
import type { Predictor, ReviewData, TrainingContext } from './types';

/** [n, maxLen] int32: `texts` as Keras' Tokenizer(numWords, oovToken) fitted on `fitTexts` would number them, then pad_sequences(maxlen). */
export function encodeTexts(fitTexts: string[], texts: string[], numWords: number, maxLen: number): tf.Tensor2D {
  throw new Error('Remove this line and implement encodeTexts');
}

/** Word indices [batch, maxLen] → Embedding (maskZero) → LSTM (a Bidirectional one is welcome) → one sigmoid unit: [batch, 1]. */
export function buildModel(vocabSize: number, maxLen: number): tf.LayersModel {
  throw new Error('Remove this line and implement buildModel');
}

/** Fits the tokenizer and the model (ctx.fitCallbacks()) on the training reviews and returns a predictor of raw reviews: p(positive). */
export async function train(data: ReviewData, ctx: TrainingContext): Promise<Predictor> {
  throw new Error('Remove this line and implement train');
}
