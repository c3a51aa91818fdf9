// Starter of exercise 13-seq2seq-translation: what the editor opens with.
import * as tf from '@tensorflow/tfjs';
import type { Predictor, TeacherForcing, TrainingContext, TranslationData } from './types';

/** decoderInput = [startId, y…, endId, 0…] and decoderTarget = [y…, endId, 0…], each row cut or padded to `length` (int32). */
export function teacherForcing(targets: number[][], startId: number, endId: number, length: number): TeacherForcing {
  throw new Error('Remove this line and implement teacherForcing');
}

/** The training model: (source ids [batch, sourceLen], decoder input [batch, targetLen]) → encoder LSTM state → decoder LSTM → softmax [batch, targetLen, targetVocab]. */
export function buildModel(sourceVocab: number, targetVocab: number, sourceLen: number, targetLen: number): tf.LayersModel {
  throw new Error('Remove this line and implement buildModel');
}

/** Trains with teacher forcing (ctx.fitCallbacks()) and returns a translator that decodes greedily, one token at a time, until the end token. */
export async function train(data: TranslationData, ctx: TrainingContext): Promise<Predictor> {
  throw new Error('Remove this line and implement train');
}
