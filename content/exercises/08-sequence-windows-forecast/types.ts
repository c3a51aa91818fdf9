// Types of exercise 08-sequence-windows-forecast, shared by the editor, starter.ts, solution.ts and tsc.
import type * as tf from '@tensorflow/tfjs';

/** A series standardised with statistics of its first `trainLength` values only. */
export interface Normalized {
  /** (series − mean) / std, same length as the series */
  normalized: tf.Tensor1D;
  mean: number;
  /** population standard deviation (divide by n) */
  std: number;
}

/** Sliding windows for one-step-ahead forecasting. */
export interface Windows {
  /** [n, W, 1]: batch, time, features — what an LSTM layer expects */
  x: tf.Tensor3D;
  /** [n, 1]: the value right after each window */
  y: tf.Tensor2D;
}

/** Windows split by time: the validation rows all come after the training rows. */
export interface TimeSplit {
  xTrain: tf.Tensor3D;
  yTrain: tf.Tensor2D;
  xVal: tf.Tensor3D;
  yVal: tf.Tensor2D;
}

/** What train() receives: the training stretch of the series, raw units. */
export interface ForecastData {
  /** [N] the series, oldest first */
  series: tf.Tensor1D;
  /** W: how many past values the forecaster sees */
  windowSize: number;
}

/** Given a raw window [1, W, 1], the forecast of the next value in raw units. */
export type Forecaster = (window: tf.Tensor3D) => number | tf.Tensor | Promise<number | tf.Tensor>;

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
