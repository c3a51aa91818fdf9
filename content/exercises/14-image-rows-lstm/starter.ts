// Starter of exercise 14-image-rows-lstm: what the editor opens with.
import * as tf from '@tensorflow/tfjs';
import type { Classifier, GlyphData, TrainingContext } from './types';

/** Images [n, H, W, 1] of grey levels 0 … 255 → sequences [n, H, W] in 0 … 1: row r is time step r, its W pixels the features. */
export function toRowSequences(images: tf.Tensor4D): tf.Tensor3D {
  throw new Error('Remove this line and implement toRowSequences');
}

/** Row sequences [batch, height, width] → LSTM → softmax over numClasses: [batch, numClasses]. */
export function buildModel(height: number, width: number, numClasses: number): tf.LayersModel {
  throw new Error('Remove this line and implement buildModel');
}

/** Fits the model on data.images / data.labels (ctx.fitCallbacks()) and returns a classifier of one raw image [1, H, W, 1]. */
export async function train(data: GlyphData, ctx: TrainingContext): Promise<Classifier> {
  throw new Error('Remove this line and implement train');
}
