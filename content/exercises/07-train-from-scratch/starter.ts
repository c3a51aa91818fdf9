// Starter of exercise 07-train-from-scratch: what the editor opens with.
import * as tf from '@tensorflow/tfjs';
import type { Hyperparameters, ModelParams, TrainConfig, TrainResult, TrainStepResult } from './types';

/** One step of SGD with momentum on the MSE of a batch x [B, T, I] → y [B, T, O], with global-norm clipping. */
export function trainStep(params: ModelParams, velocity: ModelParams, x: tf.Tensor3D, y: tf.Tensor3D, hp: Hyperparameters): TrainStepResult {
  throw new Error('Remove this line and implement trainStep');
}

/** `config.steps` calls of trainStep from `init` and zero velocity; batch s is rows (s·B mod N) … + B − 1. */
export function train(xTrain: tf.Tensor3D, yTrain: tf.Tensor3D, init: ModelParams, config: TrainConfig): TrainResult {
  throw new Error('Remove this line and implement train');
}
