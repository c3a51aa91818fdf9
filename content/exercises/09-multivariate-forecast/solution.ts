// Reference solution of exercise 09-multivariate-forecast: per-feature train-only scaling, multivariate windows, an LSTM stopped early on a time-ordered validation split.
import * as tf from '@tensorflow/tfjs';
import type { Forecaster, Standardized, TrainingContext, WeatherData, Windows } from './types';

/** Standardises every column with the mean and (population) std of its first `trainLength` rows. */
export function standardizeByTrain(series: tf.Tensor2D, trainLength: number): Standardized {
  return tf.tidy(() => {
    const head = series.slice([0, 0], [trainLength, -1]); // [trainLength, F]
    const { mean, variance } = tf.moments(head, 0); // [F] each, divide by n
    const std = variance.sqrt(); // [F]
    return { scaled: series.sub(mean).div(std) as tf.Tensor2D, mean: mean as tf.Tensor1D, std: std as tf.Tensor1D }; // [hours, F]
  });
}

/** Every window of `windowSize` consecutive rows (all features) and the temperature of the row after it. */
export function makeWindows(series: tf.Tensor2D, windowSize: number): Windows {
  const n = series.shape[0] - windowSize;
  return tf.tidy(() => {
    const rows = Array.from({ length: n }, (_, i) => series.slice([i, 0], [windowSize, -1])); // n × [W, F]
    const x = tf.stack(rows) as tf.Tensor3D; // [n, W, F]
    const y = series.slice([windowSize, 0], [n, 1]); // [n, 1]: column 0 is temperature
    return { x, y };
  });
}

/** LSTM(32) over the window, then one linear output: the next standardised temperature. */
export function buildModel(windowSize: number, featureCount: number): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 32, inputShape: [windowSize, featureCount], recurrentActivation: 'sigmoid', unitForgetBias: true }));
  model.add(tf.layers.dense({ units: 1 }));
  return model;
}

const VAL_FRACTION = 0.2;
const MAX_EPOCHS = 60;
const PATIENCE = 8;

/**
 * Early stopping on val_loss that also puts back the best epoch's weights, which
 * tf.callbacks.earlyStopping cannot do (`restoreBestWeights` is not implemented in tfjs).
 */
function keepBestWeights(model: tf.LayersModel, patience: number) {
  let best = Infinity;
  let epochsWithoutGain = 0;
  let bestWeights: tf.Tensor[] = [];
  return {
    onEpochEnd(_epoch: number, logs?: tf.Logs) {
      const valLoss = logs?.val_loss ?? Infinity;
      if (valLoss < best) {
        best = valLoss;
        epochsWithoutGain = 0;
        tf.dispose(bestWeights);
        bestWeights = model.getWeights().map((w) => w.clone());
      } else if (++epochsWithoutGain >= patience) {
        model.stopTraining = true;
      }
    },
    restore() {
      model.setWeights(bestWeights);
      tf.dispose(bestWeights);
    },
  };
}

/** Trains on the earlier 80 % of the windows, stops when the later 20 % stop improving, returns a °C forecaster. */
export async function train(data: WeatherData, ctx: TrainingContext): Promise<Forecaster> {
  const { series, windowSize } = data;
  const [hours, featureCount] = series.shape;
  const nTrain = Math.floor((1 - VAL_FRACTION) * (hours - windowSize));
  // The training windows and their targets use the first nTrain + W rows: only they may set the scale.
  const { scaled, mean, std } = standardizeByTrain(series, nTrain + windowSize);
  const { x, y } = makeWindows(scaled, windowSize);
  const xTrain = x.slice([0, 0, 0], [nTrain, -1, -1]); // [nTrain, W, F]
  const yTrain = y.slice([0, 0], [nTrain, -1]); // [nTrain, 1]
  const xVal = x.slice([nTrain, 0, 0], [-1, -1, -1]); // [n − nTrain, W, F]: later in time
  const yVal = y.slice([nTrain, 0], [-1, -1]); // [n − nTrain, 1]

  const model = buildModel(windowSize, featureCount);
  model.compile({ optimizer: tf.train.adam(0.02), loss: 'meanSquaredError' });
  const stopper = keepBestWeights(model, PATIENCE);
  await model.fit(xTrain, yTrain, {
    epochs: MAX_EPOCHS,
    batchSize: 128,
    validationData: [xVal, yVal],
    callbacks: [ctx.fitCallbacks(), new tf.CustomCallback(stopper)], // both tf.Callback instances: fit does not mix them with plain objects
  });
  stopper.restore();
  tf.dispose([scaled, x, y, xTrain, yTrain, xVal, yVal]);

  const temperatureMean = mean.slice(0, 1); // [1]
  const temperatureStd = std.slice(0, 1); // [1]
  return (window) =>
    tf.tidy(() => {
      const z = window.sub(mean).div(std); // [1, W, F]
      const zNext = model.predict(z) as tf.Tensor2D; // [1, 1]
      return zNext.mul(temperatureStd).add(temperatureMean).reshape([]); // [] °C
    });
}
