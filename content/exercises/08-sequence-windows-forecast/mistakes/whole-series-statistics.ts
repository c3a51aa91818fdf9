// Known mistake of exercise 08: the statistics come from the whole series, validation and future included.
import * as tf from '@tensorflow/tfjs';
import type { ForecastData, Forecaster, Normalized, TimeSplit, TrainingContext, Windows } from '../types';

/** Standardises the whole series with the mean and std of its first `trainLength` values. */
export function normalizeByTrain(series: tf.Tensor1D, _trainLength: number): Normalized {
  return tf.tidy(() => {
    const head = series.slice(0, series.size); // [N]: every value — trainLength is ignored
    const { mean, variance } = tf.moments(head); // population moments: divide by n
    const m = mean.dataSync()[0];
    const s = Math.sqrt(variance.dataSync()[0]);
    return { normalized: series.sub(m).div(s) as tf.Tensor1D, mean: m, std: s }; // [N]
  });
}

/** Every window of `windowSize` consecutive values, shaped for an LSTM, and the value after it. */
export function makeWindows(series: tf.Tensor1D, windowSize: number): Windows {
  const n = series.size - windowSize;
  return tf.tidy(() => {
    const rows = Array.from({ length: n }, (_, i) => series.slice(i, windowSize)); // n × [W]
    const x = tf.stack(rows).reshape([n, windowSize, 1]) as tf.Tensor3D; // [n, W, 1]
    const y = series.slice(windowSize, n).reshape([n, 1]) as tf.Tensor2D; // [n, 1]
    return { x, y };
  });
}

/** The first ⌊(1 − valFraction)·n⌋ windows train, the later ones validate: no shuffling across the cut. */
export function splitByTime(x: tf.Tensor3D, y: tf.Tensor2D, valFraction: number): TimeSplit {
  const n = x.shape[0];
  const nTrain = Math.floor((1 - valFraction) * n);
  return {
    xTrain: x.slice([0, 0, 0], [nTrain, -1, -1]), // [nTrain, W, 1]
    yTrain: y.slice([0, 0], [nTrain, -1]), // [nTrain, 1]
    xVal: x.slice([nTrain, 0, 0], [-1, -1, -1]), // [n − nTrain, W, 1]
    yVal: y.slice([nTrain, 0], [-1, -1]), // [n − nTrain, 1]
  };
}

/** LSTM(16) over the window, then one linear output: the next normalised value. */
export function buildModel(windowSize: number): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 16, inputShape: [windowSize, 1], recurrentActivation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 1 }));
  return model;
}

const VAL_FRACTION = 0.2;

/** Fits the model on the earlier 80 % of the windows, watches the later 20 %, and returns a raw-units forecaster. */
export async function train(data: ForecastData, ctx: TrainingContext): Promise<Forecaster> {
  const { series, windowSize } = data;
  // Statistics from the stretch the model trains on only: the validation values must stay unseen.
  const trainLength = Math.floor((1 - VAL_FRACTION) * (series.size - windowSize)) + windowSize;
  const { normalized, mean, std } = normalizeByTrain(series, trainLength);
  const { x, y } = makeWindows(normalized, windowSize);
  const { xTrain, yTrain, xVal, yVal } = splitByTime(x, y, VAL_FRACTION);

  const model = buildModel(windowSize);
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
  await model.fit(xTrain, yTrain, {
    epochs: 12,
    batchSize: 32,
    validationData: [xVal, yVal],
    callbacks: ctx.fitCallbacks(),
  });

  return (window) =>
    tf.tidy(() => {
      const z = window.sub(mean).div(std); // [1, W, 1]
      const zNext = model.predict(z) as tf.Tensor2D; // [1, 1]
      return zNext.mul(std).add(mean).reshape([]); // [] raw units
    });
}
