// Types of exercise 09-multivariate-forecast, shared by the editor, starter.ts, solution.ts and tsc.
import type * as tf from '@tensorflow/tfjs';

/** A [hours, F] series standardised column by column with statistics of its first `trainLength` rows only. */
export interface Standardized {
  /** [hours, F]: (series − mean) / std, every row */
  scaled: tf.Tensor2D;
  /** [F]: per-feature mean of the first trainLength rows */
  mean: tf.Tensor1D;
  /** [F]: per-feature population standard deviation (divide by n) of the same rows */
  std: tf.Tensor1D;
}

/** Sliding windows over all features, each with the next hour's temperature. */
export interface Windows {
  /** [n, W, F]: batch, time, features — what an LSTM layer expects */
  x: tf.Tensor3D;
  /** [n, 1]: column 0 (temperature) of the row right after each window */
  y: tf.Tensor2D;
}

/** What train() receives: the training stretch of the weather, raw units. */
export interface WeatherData {
  /** [hours, 3]: temperature °C, relative humidity %, pressure hPa; oldest hour first */
  series: tf.Tensor2D;
  /** W: how many past hours the forecaster sees */
  windowSize: number;
}

/** Given a raw window [1, W, 3], the next hour's temperature in °C. */
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
