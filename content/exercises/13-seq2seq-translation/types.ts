// Types of exercise 13-seq2seq-translation, shared by the editor, starter.ts, solution.ts and tsc.
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

/** Teacher forcing's two views of the target sequences. */
export interface TeacherForcing {
  /** [n, length] int32: startId, then the target tokens, then endId, then 0 (padding). */
  decoderInput: tf.Tensor2D;
  /** [n, length] int32: the target tokens, then endId, then 0: decoderInput shifted one step to the left. */
  decoderTarget: tf.Tensor2D;
}

/** The training data of train(): English number phrases and their digits. */
export interface TranslationData {
  /** Source phrases, lower-case words separated by single spaces: "four thousand two hundred and nineteen". */
  sources: string[];
  /** Their normalised forms, digits separated by single spaces: "4 2 1 9". */
  targets: string[];
  /** The longest source has this many words or fewer (pad the encoder input to it). */
  sourceLen: number;
  /** The longest target plus its end token has this many tokens or fewer (the decoder's length). */
  targetLen: number;
}

/** Translates one source phrase: the predicted digits separated by single spaces ("4 2 1 9"), without start or end tokens. */
export type Predictor = (source: string) => string | Promise<string>;
