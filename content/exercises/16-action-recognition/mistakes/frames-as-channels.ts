// Known mistake of exercise 16: the frames stacked as the channels of one image.
import * as tf from '@tensorflow/tfjs';
import type { Classifier, TrainingContext, VideoData } from '../types';

const FILTERS = 8;
const LSTM_UNITS = 32;
const EPOCHS = 6;
const BATCH_SIZE = 32;
const LEARNING_RATE = 0.005;

/** Videos [n, T, H, W] of grey levels 0 … 255 → [n, T, H, W, 1] in 0 … 1: the 5-D input of a timeDistributed conv2d. */
export function toVideoTensor(videos: tf.Tensor4D): tf.Tensor5D {
  return tf.tidy(() => videos.transpose([0, 2, 3, 1]).div(255)) as unknown as tf.Tensor5D; // [n, H, W, T]: frames as channels
}

/** Videos [batch, T, H, W, 1] → action probabilities [batch, numClasses]. */
export function buildModel(frames: number, height: number, width: number, numClasses: number): tf.LayersModel {
  const model = tf.sequential();
  const perFrameConv = tf.layers.conv2d({ filters: FILTERS, kernelSize: 3, strides: 2, activation: 'relu' });
  model.add(tf.layers.timeDistributed({ layer: perFrameConv, inputShape: [frames, height, width, 1] })); // [B, T, H', W', 8]
  model.add(tf.layers.timeDistributed({ layer: tf.layers.flatten() })); // [B, T, H'·W'·8]: one vector per frame
  model.add(tf.layers.lstm({ units: LSTM_UNITS, recurrentInitializer: 'glorotUniform' })); // [B, 32]: the state after the last frame
  model.add(tf.layers.dense({ units: numClasses, activation: 'softmax' })); // [B, numClasses]
  return model;
}

/** Fits the frame-CNN + LSTM on the training videos and returns a classifier of one raw video. */
export async function train(data: VideoData, ctx: TrainingContext): Promise<Classifier> {
  const [, frames, height, width] = data.videos.shape;
  const x = toVideoTensor(data.videos); // [n, T, H, W, 1]
  const model = buildModel(frames, height, width, data.numClasses);
  model.compile({ optimizer: tf.train.adam(LEARNING_RATE), loss: 'sparseCategoricalCrossentropy' });
  await model.fit(x, data.labels, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, callbacks: ctx.fitCallbacks() });
  x.dispose();
  return (video) => tf.tidy(() => model.predict(toVideoTensor(video)) as tf.Tensor2D); // [1, numClasses]
}
