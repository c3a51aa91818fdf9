// Types of exercise 15-spoken-command-spectrogram, shared by the editor, starter.ts, solution.ts and tsc.
import type * as tf from '@tensorflow/tfjs';

/** What the grader passes to train(): a seeded RNG and a channel to the live loss chart. */
export interface TrainingContext {
  /** This run's seed; Math.random is seeded from it while train() and the predictor run, so tf.layers initialisers and fit's shuffling repeat exactly. */
  readonly seed: number;
  /** Uniform in [0, 1), from the seeded generator. */
  random(): number;
  /** Sends one point to the workspace's live chart (loss, optional validation loss and metric). */
  report(point: { epoch: number; loss: number; valLoss?: number; metric?: number }): void;
  /** Callbacks for model.fit that report every epoch's loss and val_loss: `model.fit(x, y, { callbacks: ctx.fitCallbacks() })`. */
  fitCallbacks(): { onEpochEnd(epoch: number, logs?: Record<string, number>): Promise<void> | void };
}

/** The training data of train(). */
export interface ClipData {
  /** [n, 2048] audio samples at 4000 Hz (0.512 s per clip), the voice peaking near ±1. */
  clips: tf.Tensor2D;
  /** [n] class indices 0 … numClasses − 1. */
  labels: tf.Tensor1D;
  /** 6: "a-i", "i-a", "o-e", "e-o", "rise", "fall". */
  numClasses: number;
  /** 128 and 64: the spectrogram's frame length and hop, in samples. */
  frameLength: number;
  hop: number;
}

/** Scores one clip [1, 2048]: numClasses scores (shape [numClasses] or [1, numClasses]); the highest is the answer. */
export type Classifier = (clip: tf.Tensor2D) => tf.Tensor | Promise<tf.Tensor>;
