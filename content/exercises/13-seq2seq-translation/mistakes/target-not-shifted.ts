// Known mistake of exercise 13: decoderTarget repeats the decoder input instead of shifting it, so the model learns to copy.
import * as tf from '@tensorflow/tfjs';
import type { Predictor, TeacherForcing, TrainingContext, TranslationData } from '../types';

const PAD = 0;
const START = 1;
const END = 2;
/** Target ids: 0 padding, 1 start, 2 end, then one id per target token. */
const FIRST_TOKEN_ID = 3;
const EMBEDDING_SIZE = 16;
const UNITS = 64;
const EPOCHS = 10;
const BATCH_SIZE = 64;
const LEARNING_RATE = 0.01;

/** decoderInput and decoderTarget, both [start, y…, end, 0…]. */
export function teacherForcing(targets: number[][], startId: number, endId: number, length: number): TeacherForcing {
  const row = (tokens: number[]) => [...tokens, ...new Array<number>(length).fill(PAD)].slice(0, length);
  const inputs = targets.map((y) => row([startId, ...y, endId]));
  const outputs = targets.map((y) => row([startId, ...y, endId])); // the input again, not shifted
  return {
    decoderInput: tf.tensor2d(inputs.flat(), [targets.length, length], 'int32'), // [n, length]
    decoderTarget: tf.tensor2d(outputs.flat(), [targets.length, length], 'int32'), // [n, length]
  };
}

/** The layers the training model and the one-step decoder share. */
interface Seq2SeqLayers {
  encoderEmbedding: tf.layers.Layer;
  encoder: tf.layers.Layer;
  decoderEmbedding: tf.layers.Layer;
  decoder: tf.layers.Layer;
  output: tf.layers.Layer;
}

function seq2seqLayers(sourceVocab: number, targetVocab: number): Seq2SeqLayers {
  return {
    // No maskZero here: in tfjs 4.22 a masked encoder whose states start the decoder trains far worse (see the statement).
    encoderEmbedding: tf.layers.embedding({ inputDim: sourceVocab, outputDim: EMBEDDING_SIZE }),
    encoder: tf.layers.lstm({ units: UNITS, returnState: true, recurrentActivation: 'sigmoid', recurrentInitializer: 'glorotUniform' }),
    decoderEmbedding: tf.layers.embedding({ inputDim: targetVocab, outputDim: EMBEDDING_SIZE }),
    decoder: tf.layers.lstm({ units: UNITS, returnSequences: true, returnState: true, recurrentActivation: 'sigmoid', recurrentInitializer: 'glorotUniform' }),
    output: tf.layers.dense({ units: targetVocab, activation: 'softmax' }),
  };
}

/** Source ids [B, Ts] → the encoder's final state [h, c], each [B, units]. */
function encode(layers: Seq2SeqLayers, source: tf.SymbolicTensor): tf.SymbolicTensor[] {
  const embedded = layers.encoderEmbedding.apply(source) as tf.SymbolicTensor; // [B, Ts, 16]
  const [, h, c] = layers.encoder.apply(embedded) as tf.SymbolicTensor[]; // [B, units] each
  return [h, c];
}

/** Decoder ids [B, Tt] from state [h, c] → next-token probabilities [B, Tt, V] and the final state. */
function decode(layers: Seq2SeqLayers, tokens: tf.SymbolicTensor, state: tf.SymbolicTensor[]): tf.SymbolicTensor[] {
  const embedded = layers.decoderEmbedding.apply(tokens) as tf.SymbolicTensor; // [B, Tt, 16]
  const [sequence, h, c] = layers.decoder.apply(embedded, { initialState: state }) as tf.SymbolicTensor[]; // [B, Tt, units], [B, units] ×2
  return [layers.output.apply(sequence) as tf.SymbolicTensor, h, c]; // [B, Tt, V]
}

/** The training model and the two inference models built on the same layers. */
function seq2seqModels(sourceVocab: number, targetVocab: number, sourceLen: number, targetLen: number) {
  const layers = seq2seqLayers(sourceVocab, targetVocab);
  const source = tf.input({ shape: [sourceLen], dtype: 'int32' }); // [B, Ts]
  const decoderInput = tf.input({ shape: [targetLen], dtype: 'int32' }); // [B, Tt]
  const encoderState = encode(layers, source);
  const [probabilities] = decode(layers, decoderInput, encoderState);
  const training = tf.model({ inputs: [source, decoderInput], outputs: probabilities });

  const encoder = tf.model({ inputs: source, outputs: encoderState });
  const token = tf.input({ shape: [1], dtype: 'int32' }); // [B, 1]
  const stateIn = [tf.input({ shape: [UNITS] }), tf.input({ shape: [UNITS] })]; // [B, units] ×2
  const step = tf.model({ inputs: [token, ...stateIn], outputs: decode(layers, token, stateIn) });
  return { training, encoder, step };
}

/** (source ids [B, Ts], decoder input [B, Tt]) → next-token probabilities [B, Tt, targetVocab]. */
export function buildModel(sourceVocab: number, targetVocab: number, sourceLen: number, targetLen: number): tf.LayersModel {
  return seq2seqModels(sourceVocab, targetVocab, sourceLen, targetLen).training;
}

/** Word → id from 1 in first-occurrence order (0 is padding). */
function vocabulary(texts: string[]): Map<string, number> {
  const ids = new Map<string, number>();
  for (const text of texts) for (const w of text.split(' ')) if (!ids.has(w)) ids.set(w, ids.size + 1);
  return ids;
}

/** Source phrases as [n, sourceLen] int32, zeros in front so the encoder ends on the last word; unknown words are dropped. */
function sourceIds(phrases: string[], words: Map<string, number>, sourceLen: number): tf.Tensor2D {
  const rows = phrases.map((p) => {
    const ids = p.split(' ').flatMap((w) => (words.has(w) ? [words.get(w)!] : [])).slice(-sourceLen);
    return [...new Array<number>(sourceLen - ids.length).fill(PAD), ...ids];
  });
  return tf.tensor2d(rows.flat(), [phrases.length, sourceLen], 'int32'); // [n, sourceLen]
}

/** Trains the encoder–decoder with teacher forcing and returns a greedy translator. */
export async function train(data: TranslationData, ctx: TrainingContext): Promise<Predictor> {
  const words = vocabulary(data.sources);
  const tokens = [...vocabulary(data.targets).keys()]; // target token strings; id = index + FIRST_TOKEN_ID
  const tokenId = new Map(tokens.map((t, i) => [t, i + FIRST_TOKEN_ID]));
  const models = seq2seqModels(words.size + 1, tokens.length + FIRST_TOKEN_ID, data.sourceLen, data.targetLen);

  const x = sourceIds(data.sources, words, data.sourceLen); // [n, Ts]
  const { decoderInput, decoderTarget } = teacherForcing(data.targets.map((t) => t.split(' ').map((d) => tokenId.get(d)!)), START, END, data.targetLen);
  const y = decoderTarget.expandDims(-1).toFloat(); // [n, Tt, 1]
  models.training.compile({ optimizer: tf.train.adam(LEARNING_RATE), loss: 'sparseCategoricalCrossentropy' });
  await models.training.fit([x, decoderInput], y, { epochs: EPOCHS, batchSize: BATCH_SIZE, shuffle: true, callbacks: ctx.fitCallbacks() });
  tf.dispose([x, decoderInput, decoderTarget, y]);

  return (source) => {
    const out: string[] = [];
    let state = tf.tidy(() => models.encoder.predict(sourceIds([source], words, data.sourceLen)) as tf.Tensor[]); // [1, units] ×2
    let previous = START;
    while (out.length < data.targetLen) {
      const [probabilities, h, c] = tf.tidy(() => models.step.predict([tf.tensor2d([[previous]], [1, 1], 'int32'), ...state]) as tf.Tensor[]); // [1, 1, V], [1, units] ×2
      previous = probabilities.argMax(-1).dataSync()[0]; // greedy: the most probable next token
      tf.dispose([probabilities, ...state]);
      state = [h, c];
      if (previous === END || previous < FIRST_TOKEN_ID) break;
      out.push(tokens[previous - FIRST_TOKEN_ID]);
    }
    tf.dispose(state);
    return out.join(' ');
  };
}
