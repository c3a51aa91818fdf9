// Starter of exercise 11-text-classification: what the editor opens with.
import * as tf from '@tensorflow/tfjs';
import type { Predictor, TopicData, TrainingContext } from './types';

/** [n, maxLen] int32: `texts` as Keras' Tokenizer(numWords, oovToken) fitted on `fitTexts` would number them, then pad_sequences(maxlen). */
export function encodeTexts(fitTexts: string[], texts: string[], numWords: number, maxLen: number): tf.Tensor2D {
  throw new Error('Remove this line and implement encodeTexts');
}

/** Word indices [batch, maxLen] → Embedding (maskZero) → LSTM → softmax over the topics: [batch, numClasses]. */
export function buildModel(vocabSize: number, maxLen: number, numClasses: number): tf.LayersModel {
  throw new Error('Remove this line and implement buildModel');
}

/** Fits the tokenizer and the model (ctx.fitCallbacks()) on the training sentences and returns a predictor of raw sentences. */
export async function train(data: TopicData, ctx: TrainingContext): Promise<Predictor> {
  throw new Error('Remove this line and implement train');
}
