// Types of exercise 14-image-rows-lstm, shared by the editor, starter.ts, solution.ts and tsc.
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
export interface GlyphData {
  /** [n, 12, 12, 1] grey levels 0 … 255 (batch, height, width, channels), the layout image pipelines use. */
  images: tf.Tensor4D;
  /** [n] class indices 0 … numClasses − 1. */
  labels: tf.Tensor1D;
  /** 8: T, ⊥, Γ, L, Π, U, Λ, V. */
  numClasses: number;
}

/** Scores one image [1, 12, 12, 1] (grey levels 0 … 255): numClasses scores (shape [numClasses] or [1, numClasses]); the highest is the answer. */
export type Classifier = (image: tf.Tensor4D) => tf.Tensor | Promise<tf.Tensor>;
