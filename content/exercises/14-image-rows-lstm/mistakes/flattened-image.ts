// Known mistake of exercise 14: each image flattened into one vector, so the LSTM sees a single time step.
import * as tf from '@tensorflow/tfjs';
import type { Classifier, GlyphData, TrainingContext } from '../types';

const LSTM_UNITS = 32;
const EPOCHS = 8;
const BATCH_SIZE = 64;
const LEARNING_RATE = 0.01;

/** Images [n, H, W, 1] of grey levels 0 … 255 → sequences [n, H, W] in 0 … 1: row r is time step r, its W pixels the features. */
export function toRowSequences(images: tf.Tensor4D): tf.Tensor3D {
  const [n, height, width] = images.shape;
  return tf.tidy(() => images.reshape([n, 1, height * width]).div(255)); // [n, 1, H·W]: the whole image as one step
}

/** Row sequences [batch, H, W] → class probabilities [batch, numClasses]. */
export function buildModel(height: number, width: number, numClasses: number): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: LSTM_UNITS, inputShape: [1, height * width], recurrentInitializer: 'glorotUniform' })); // [B, 32]: the state after the last row
  model.add(tf.layers.dense({ units: numClasses, activation: 'softmax' })); // [B, numClasses]
  return model;
}

/** Fits the row-reading LSTM on the training images and returns a classifier of one raw image. */
export async function train(data: GlyphData, ctx: TrainingContext): Promise<Classifier> {
  const [, height, width] = data.images.shape;
  const x = toRowSequences(data.images); // [n, H, W]
  const model = buildModel(height, width, data.numClasses);
  model.compile({ optimizer: tf.train.adam(LEARNING_RATE), loss: 'sparseCategoricalCrossentropy' });
  await model.fit(x, data.labels, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, callbacks: ctx.fitCallbacks() });
  x.dispose();
  return (image) => tf.tidy(() => model.predict(toRowSequences(image)) as tf.Tensor2D); // [1, numClasses]
}
