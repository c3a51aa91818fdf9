// Types of exercise 12-sentiment-negation, shared by the editor, starter.ts, solution.ts and tsc.
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

/** The training data of train(): labelled one-sentence reviews and the preprocessing sizes to use. */
export interface ReviewData {
  /** Raw reviews (mixed case, punctuation, apostrophes). */
  texts: string[];
  /** 1 = positive, 0 = negative. */
  labels: number[];
  /** Keras' Tokenizer numWords: keep word indices below it (numWords − 1 words plus the OOV token). */
  numWords: number;
  /** Every review is padded or truncated to this many word indices. */
  maxLen: number;
}

/** The probability that one raw review is positive: a tensor holding one number (shape [1], [1, 1] or []). */
export type Predictor = (text: string) => tf.Tensor | Promise<tf.Tensor>;
