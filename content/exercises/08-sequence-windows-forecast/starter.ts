// Starter of exercise 08-sequence-windows-forecast: what the editor opens with.
import * as tf from '@tensorflow/tfjs';
import type { ForecastData, Forecaster, Normalized, TimeSplit, TrainingContext, Windows } from './types';

/** Standardises the whole series with the mean and (population) std of its first `trainLength` values. */
export function normalizeByTrain(series: tf.Tensor1D, trainLength: number): Normalized {
  throw new Error('Remove this line and implement normalizeByTrain');
}

/** x [n, W, 1]: every window of W consecutive values; y [n, 1]: the value right after each window (n = N − W). */
export function makeWindows(series: tf.Tensor1D, windowSize: number): Windows {
  throw new Error('Remove this line and implement makeWindows');
}

/** The first ⌊(1 − valFraction)·n⌋ windows train, the rest validate, in time order. */
export function splitByTime(x: tf.Tensor3D, y: tf.Tensor2D, valFraction: number): TimeSplit {
  throw new Error('Remove this line and implement splitByTime');
}

/** A model that reads [batch, windowSize, 1] with an LSTM and outputs [batch, 1]. */
export function buildModel(windowSize: number): tf.LayersModel {
  throw new Error('Remove this line and implement buildModel');
}

/** Prepares the data, fits the model (report progress with ctx.fitCallbacks()) and returns a raw-units forecaster. */
export async function train(data: ForecastData, ctx: TrainingContext): Promise<Forecaster> {
  throw new Error('Remove this line and implement train');
}
