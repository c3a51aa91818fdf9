// Types of exercise 16-action-recognition, shared by the editor, starter.ts, solution.ts and tsc.
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

/** The training data of train(). */
export interface VideoData {
  /** [n, 8, 12, 12] grey levels 0 … 255: batch, frames, height, width. */
  videos: tf.Tensor4D;
  /** [n] class indices 0 … numClasses − 1. */
  labels: tf.Tensor1D;
  /** 6: moves right, moves left, moves down, moves up, turns clockwise, turns counter-clockwise. */
  numClasses: number;
}

/** Scores one video [1, 8, 12, 12] (grey levels 0 … 255): numClasses scores (shape [numClasses] or [1, numClasses]); the highest is the answer. */
export type Classifier = (video: tf.Tensor4D) => tf.Tensor | Promise<tf.Tensor>;
