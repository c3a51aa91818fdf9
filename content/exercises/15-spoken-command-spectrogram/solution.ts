// Model answer of exercise 15-spoken-command-spectrogram: a log-power spectrogram by matrix DFT, then Conv1D over time and an LSTM.
import * as tf from '@tensorflow/tfjs';
import type { Classifier, ClipData, TrainingContext } from './types';

const LOG_FLOOR = 1e-6;
const FILTERS = 16;
const LSTM_UNITS = 32;
const EPOCHS = 3;
const BATCH_SIZE = 32;
const LEARNING_RATE = 0.005;

/** Sample indices of every frame: [frames, frameLength], row f = f·hop … f·hop + frameLength − 1. */
function frameIndices(samples: number, frameLength: number, hop: number): tf.Tensor2D {
  const frames = Math.floor((samples - frameLength) / hop) + 1;
  const indices = Array.from({ length: frames * frameLength }, (_, i) => Math.floor(i / frameLength) * hop + (i % frameLength));
  return tf.tensor2d(indices, [frames, frameLength], 'int32'); // [F, L]
}

/** The real DFT as two matrices [frameLength, frameLength/2 + 1]: cos(2πkn/L) and sin(2πkn/L). */
function dftBasis(frameLength: number): { cos: tf.Tensor2D; sin: tf.Tensor2D } {
  const bins = frameLength / 2 + 1;
  const angles = Array.from({ length: frameLength * bins }, (_, i) => (2 * Math.PI * Math.floor(i / bins) * (i % bins)) / frameLength);
  return { cos: tf.tensor2d(angles.map(Math.cos), [frameLength, bins]), sin: tf.tensor2d(angles.map(Math.sin), [frameLength, bins]) };
}

/** Clips [n, N] → log power spectrogram [n, frames, frameLength/2 + 1]: periodic Hann window, ln(|DFT|² + 1e-6). */
export function logSpectrogram(clips: tf.Tensor2D, frameLength: number, hop: number): tf.Tensor3D {
  return tf.tidy(() => {
    const [n, samples] = clips.shape;
    const indices = frameIndices(samples, frameLength, hop); // [F, L]
    const [frames] = indices.shape;
    const window = tf.signal.hannWindow(frameLength); // [L]: 0.5 − 0.5·cos(2πn/L)
    const framed = clips.gather(indices.reshape([-1]), 1).reshape([n * frames, frameLength]).mul(window); // [n·F, L]
    const { cos, sin } = dftBasis(frameLength);
    const real = framed.matMul(cos); // [n·F, K]
    const imag = framed.matMul(sin); // [n·F, K] (the sign does not matter for the power)
    return real.square().add(imag.square()).add(LOG_FLOOR).log().reshape([n, frames, frameLength / 2 + 1]) as tf.Tensor3D; // [n, F, K]
  });
}

/** Spectrograms [batch, frames, bins] → class probabilities [batch, numClasses]. */
export function buildModel(frames: number, bins: number, numClasses: number): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.conv1d({ filters: FILTERS, kernelSize: 3, activation: 'relu', inputShape: [frames, bins] })); // [B, F − 2, 16]: local spectral patterns
  model.add(tf.layers.lstm({ units: LSTM_UNITS, recurrentInitializer: 'glorotUniform' })); // [B, 32]: the state after the last frame
  model.add(tf.layers.dense({ units: numClasses, activation: 'softmax' })); // [B, numClasses]
  return model;
}

/** Fits the Conv1D + LSTM on standardised spectrograms and returns a classifier of one raw clip. */
export async function train(data: ClipData, ctx: TrainingContext): Promise<Classifier> {
  const spectrograms = logSpectrogram(data.clips, data.frameLength, data.hop); // [n, F, K]
  const { mean, variance } = tf.moments(spectrograms);
  const [m, s] = [mean.dataSync()[0], Math.sqrt(variance.dataSync()[0])];
  const standardise = (x: tf.Tensor3D) => x.sub(m).div(s); // [n, F, K]
  const x = tf.tidy(() => standardise(spectrograms)); // [n, F, K]
  const [, frames, bins] = x.shape;
  const model = buildModel(frames, bins, data.numClasses);
  model.compile({ optimizer: tf.train.adam(LEARNING_RATE), loss: 'sparseCategoricalCrossentropy' });
  await model.fit(x, data.labels, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, callbacks: ctx.fitCallbacks() });
  tf.dispose([spectrograms, mean, variance, x]);
  return (clip) => tf.tidy(() => model.predict(standardise(logSpectrogram(clip, data.frameLength, data.hop))) as tf.Tensor2D); // [1, numClasses]
}
