// Types of exercise 10-session-recommendation, shared by the editor, starter.ts, solution.ts and tsc.
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

/** The training data of train(). Item ids are 1 … numItems; 0 is never a click (it is the padding id). */
export interface SessionData {
  /** Click sessions, oldest click first, 3 to 20 clicks each. */
  sessions: number[][];
  /** Size of the catalogue. */
  numItems: number;
  /** The window length buildModel and padSessions use. */
  maxLen: number;
}

/**
 * Scores the next click after `prefix` (a session's clicks so far, oldest first, unpadded, 1 to 19 ids):
 * a tensor of numItems + 1 scores (shape [numItems + 1] or [1, numItems + 1]); higher = more likely.
 * Index 0 (padding) is ignored.
 */
export type Predictor = (prefix: number[]) => tf.Tensor | Promise<tf.Tensor>;
