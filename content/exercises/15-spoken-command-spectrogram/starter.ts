// Starter of exercise 15-spoken-command-spectrogram: what the editor opens with.
import * as tf from '@tensorflow/tfjs';
import type { Classifier, ClipData, TrainingContext } from './types';

/** Clips [n, N] → log power spectrogram [n, frames, frameLength/2 + 1]: periodic Hann window, ln(|DFT|² + 1e-6). */
export function logSpectrogram(clips: tf.Tensor2D, frameLength: number, hop: number): tf.Tensor3D {
  throw new Error('Remove this line and implement logSpectrogram');
}

/** Spectrograms [batch, frames, bins] → Conv1D → LSTM → softmax over numClasses: [batch, numClasses]. */
export function buildModel(frames: number, bins: number, numClasses: number): tf.LayersModel {
  throw new Error('Remove this line and implement buildModel');
}

/** Fits the model on the clips' spectrograms (ctx.fitCallbacks()) and returns a classifier of one raw clip [1, N]. */
export async function train(data: ClipData, ctx: TrainingContext): Promise<Classifier> {
  throw new Error('Remove this line and implement train');
}
