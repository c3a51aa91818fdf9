// Starter of exercise 16-action-recognition: what the editor opens with.
import * as tf from '@tensorflow/tfjs';
import type { Classifier, TrainingContext, VideoData } from './types';

/** Videos [n, T, H, W] of grey levels 0 … 255 → [n, T, H, W, 1] in 0 … 1: the 5-D input of a timeDistributed conv2d. */
export function toVideoTensor(videos: tf.Tensor4D): tf.Tensor5D {
  throw new Error('Remove this line and implement toVideoTensor');
}

/** Videos [batch, frames, height, width, 1] → timeDistributed(conv2d) → LSTM → softmax over numClasses: [batch, numClasses]. */
export function buildModel(frames: number, height: number, width: number, numClasses: number): tf.LayersModel {
  throw new Error('Remove this line and implement buildModel');
}

/** Fits the model on data.videos / data.labels (ctx.fitCallbacks()) and returns a classifier of one raw video [1, T, H, W]. */
export async function train(data: VideoData, ctx: TrainingContext): Promise<Classifier> {
  throw new Error('Remove this line and implement train');
}
