// Starter of exercise 10-session-recommendation: what the editor opens with.
import * as tf from '@tensorflow/tfjs';
import type { Predictor, SessionData, TrainingContext } from './types';

/** [n, maxLen] int32: the last maxLen clicks of every session, left-padded with 0 (the newest click in the last column). */
export function padSessions(sessions: number[][], maxLen: number): tf.Tensor2D {
  throw new Error('Remove this line and implement padSessions');
}

/** Item ids [batch, maxLen] → Embedding → GRU or LSTM → softmax over the numItems + 1 ids: [batch, numItems + 1]. */
export function buildModel(numItems: number, maxLen: number): tf.LayersModel {
  throw new Error('Remove this line and implement buildModel');
}

/** Turns the sessions into (clicks so far → next click) pairs, fits the model (ctx.fitCallbacks()) and returns a predictor. */
export async function train(data: SessionData, ctx: TrainingContext): Promise<Predictor> {
  throw new Error('Remove this line and implement train');
}
