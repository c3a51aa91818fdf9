// Model answer of exercise 10-session-recommendation: left-padded windows, Embedding + GRU + softmax over the catalogue.
import * as tf from '@tensorflow/tfjs';
import type { Predictor, SessionData, TrainingContext } from './types';

const EMBEDDING_SIZE = 32;
const GRU_UNITS = 64;
const EPOCHS = 2;
const BATCH_SIZE = 256;
const LEARNING_RATE = 0.02;

/** The last `maxLen` clicks of every session, left-padded with 0: [n, maxLen] int32, the newest click in the last column. */
export function padSessions(sessions: number[][], maxLen: number): tf.Tensor2D {
  const rows = sessions.map((s) => {
    const recent = s.slice(Math.max(0, s.length - maxLen));
    return [...new Array<number>(maxLen - recent.length).fill(0), ...recent];
  });
  return tf.tensor2d(rows.flat(), [sessions.length, maxLen], 'int32'); // [n, maxLen]
}

/** Item ids [B, maxLen] → next-item probabilities [B, numItems + 1]. */
export function buildModel(numItems: number, maxLen: number): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: numItems + 1, outputDim: EMBEDDING_SIZE, inputLength: maxLen, maskZero: true })); // [B, maxLen, 32]
  model.add(tf.layers.gru({ units: GRU_UNITS, recurrentInitializer: 'glorotUniform' })); // [B, 64]: the state after the newest click
  model.add(tf.layers.dense({ units: numItems + 1, activation: 'softmax' })); // [B, numItems + 1]
  return model;
}

/** Every (clicks so far → next click) pair of the training sessions. */
function nextClickExamples(sessions: number[][]): { prefixes: number[][]; targets: number[] } {
  const prefixes: number[][] = [];
  const targets: number[] = [];
  for (const s of sessions) {
    for (let t = 1; t < s.length; t++) {
      prefixes.push(s.slice(0, t));
      targets.push(s[t]);
    }
  }
  return { prefixes, targets };
}

/** Trains the model on every next click of the training sessions and returns a predictor. */
export async function train(data: SessionData, ctx: TrainingContext): Promise<Predictor> {
  const { prefixes, targets } = nextClickExamples(data.sessions);
  const x = padSessions(prefixes, data.maxLen); // [n, maxLen]
  const y = tf.tensor1d(targets, 'float32'); // [n] the next item's id
  const model = buildModel(data.numItems, data.maxLen);
  model.compile({ optimizer: tf.train.adam(LEARNING_RATE), loss: 'sparseCategoricalCrossentropy' });
  await model.fit(x, y, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, callbacks: ctx.fitCallbacks() });
  tf.dispose([x, y]);
  return (prefix) =>
    tf.tidy(() => {
      const window = padSessions([prefix], data.maxLen); // [1, maxLen]
      return (model.predict(window) as tf.Tensor2D).reshape([-1]); // [numItems + 1]
    });
}
