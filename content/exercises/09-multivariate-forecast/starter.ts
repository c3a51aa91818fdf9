// Starter of exercise 09-multivariate-forecast: what the editor opens with.
import * as tf from '@tensorflow/tfjs';
import type { Forecaster, Standardized, TrainingContext, WeatherData, Windows } from './types';

/** Standardises every column with the mean and (population) std of its first `trainLength` rows: mean and std are [F]. */
export function standardizeByTrain(series: tf.Tensor2D, trainLength: number): Standardized {
  throw new Error('Remove this line and implement standardizeByTrain');
}

/** x [n, W, F]: every window of W consecutive rows; y [n, 1]: temperature (column 0) of the row right after each window (n = hours − W). */
export function makeWindows(series: tf.Tensor2D, windowSize: number): Windows {
  throw new Error('Remove this line and implement makeWindows');
}

/** A model that reads [batch, windowSize, featureCount] with an LSTM (or GRU) and outputs [batch, 1]. */
export function buildModel(windowSize: number, featureCount: number): tf.LayersModel {
  throw new Error('Remove this line and implement buildModel');
}

/** Scales, windows and splits the data by time, fits with early stopping (report with ctx.fitCallbacks()), returns a °C forecaster. */
export async function train(data: WeatherData, ctx: TrainingContext): Promise<Forecaster> {
  throw new Error('Remove this line and implement train');
}
