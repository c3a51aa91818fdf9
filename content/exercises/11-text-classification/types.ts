// Types of exercise 11-text-classification, shared by the editor, starter.ts, solution.ts and tsc.
import type * as tf from '@tensorflow/tfjs';

/** What the grader passes to train(): a seeded RNG and a channel to the live loss chart. */
export interface TrainingContext {
  /** This run's seed; Math.random is seeded from it while train() and the predictor run, so tf.layers initialisers and fit's shuffling repeat exactly. */
  readonly seed: number;
  /** Uniform in [0, 1), from the seeded generator. */
  random(): number;
  /** Sends one point to the workspace's live chart (loss, optional validation loss and metric). */
  report(point: { epoch: number; loss: number; valLoss?: number; metric?: number }): void;
  /** Callbacks for model.fit that report every epoch's loss and val_loss: `model.fit(x, y, { callbacks: ctx.fitCallbacks() })`. */
  fitCallbacks(): { onEpochEnd(epoch: number, logs?: Record<string, number>): Promise<void> | void };
}

/** The training data of train(): labelled sentences and the preprocessing sizes to use. */
export interface TopicData {
  /** Raw sentences (mixed case, punctuation). */
  texts: string[];
  /** The topic of each sentence: an index into `topics`. */
  labels: number[];
  /** Topic names, e.g. ['sport', 'politics', 'technology', 'cooking']. */
  topics: string[];
  /** Keras' Tokenizer numWords: keep word indices below it (numWords − 1 words plus the OOV token). */
  numWords: number;
  /** Every sentence is padded or truncated to this many word indices. */
  maxLen: number;
}

/** Class probabilities of one raw sentence: a tensor of topics.length scores (shape [k] or [1, k]). */
export type Predictor = (text: string) => tf.Tensor | Promise<tf.Tensor>;
