// The shipped weights of the inspector's tiny recurrent nets (lib/lab/weights/*.json): schema, tensors, predictions.
import { z } from 'zod';
import { disposeGruCache, disposeLstmCache, gruForward, lstmForward, type GruParams, type LstmParams } from '../lstm';
import { tf } from '../tfjs';
import { PRESET_SPECS, PRESET_TASKS, type PresetTask } from './presets';

/** The cells the inspector trains: the LSTM everywhere, the GRU beside it for "GRU vs LSTM" (question 07). */
export const LAB_CELLS = ['lstm', 'gru'] as const;
export type LabCell = (typeof LAB_CELLS)[number];

/** Gate blocks per cell: LSTM i, f, g, o; GRU z, r, h̃. */
export const GATE_COUNT: Record<LabCell, number> = { lstm: 4, gru: 3 };

const matrixSchema = z.array(z.array(z.number()));

/** One task's trained cell plus its linear readout, as written by `npm run train:lab-weights`. */
export const labWeightsSchema = z
  .object({
    task: z.enum(PRESET_TASKS),
    cell: z.enum(LAB_CELLS),
    seed: z.number().int(),
    trainingSteps: z.number().int().positive(),
    /** [1, gH] */
    kernel: matrixSchema,
    /** [H, gH] */
    recurrentKernel: matrixSchema,
    /** LSTM [4H]; GRU [2·3H] (input bias row, then recurrent bias row) */
    bias: z.array(z.number()),
    /** [H, 1] */
    readoutKernel: matrixSchema,
    /** [1] */
    readoutBias: z.array(z.number()),
  })
  .refine((w) => {
    const H = PRESET_SPECS[w.task].hiddenSize;
    const g = GATE_COUNT[w.cell];
    const rows = (m: number[][], r: number, c: number) => m.length === r && m.every((row) => row.length === c);
    return (
      rows(w.kernel, 1, g * H) && rows(w.recurrentKernel, H, g * H) && w.bias.length === (w.cell === 'lstm' ? 4 * H : 6 * H) &&
      rows(w.readoutKernel, H, 1) && w.readoutBias.length === 1
    );
  }, 'weight shapes do not match the task hidden size');
export type LabWeights = z.infer<typeof labWeightsSchema>;

/** The recurrent cell's tensors. */
export type CellParams = { cell: 'lstm'; params: LstmParams } | { cell: 'gru'; params: GruParams };

/** A weight file as tensors; free them with {@link disposeLabModel}. */
export interface LabModel {
  task: PresetTask;
  recurrent: CellParams;
  /** [H, 1] */
  readoutKernel: tf.Tensor2D;
  /** [1] */
  readoutBias: tf.Tensor1D;
}

export function labModelFromWeights(w: LabWeights): LabModel {
  const kernel = tf.tensor2d(w.kernel); // [1, gH]
  const recurrentKernel = tf.tensor2d(w.recurrentKernel); // [H, gH]
  const recurrent: CellParams =
    w.cell === 'lstm'
      ? { cell: 'lstm', params: { kernel, recurrentKernel, bias: tf.tensor1d(w.bias) /* [4H] */ } }
      : { cell: 'gru', params: { kernel, recurrentKernel, bias: tf.tensor2d(w.bias, [2, w.bias.length / 2]) /* [2, 3H] */ } };
  return {
    task: w.task,
    recurrent,
    readoutKernel: tf.tensor2d(w.readoutKernel), // [H, 1]
    readoutBias: tf.tensor1d(w.readoutBias), // [1]
  };
}

export function disposeLabModel(m: LabModel): void {
  const p = m.recurrent.params;
  tf.dispose([p.kernel, p.recurrentKernel, p.bias, m.readoutKernel, m.readoutBias]);
}

/**
 * The readout applied to every hidden state: hSeq [B, T, H] → [B, T] (counts and values linear,
 * copied bits as sigmoid probabilities). Differentiable, so training uses it too. Call inside tf.tidy.
 */
export function readout(m: Pick<LabModel, 'task' | 'readoutKernel' | 'readoutBias'>, hSeq: tf.Tensor3D): tf.Tensor2D {
  const [B, T, H] = hSeq.shape;
  const logits = hSeq.reshape([B * T, H]).matMul(m.readoutKernel).add(m.readoutBias).reshape([B, T]) as tf.Tensor2D; // [B, T]
  return PRESET_SPECS[m.task].output === 'sigmoid' ? tf.sigmoid(logits) : logits; // [B, T]
}

/** Hidden states [B, T, H] of the cell over x [B, T, 1]; the caches are freed. Call inside tf.tidy. */
export function hiddenSequence(recurrent: CellParams, x: tf.Tensor3D): tf.Tensor3D {
  if (recurrent.cell === 'lstm') {
    const run = lstmForward(x, recurrent.params);
    disposeLstmCache(run.cache);
    return run.hSeq; // [B, T, H]
  }
  const run = gruForward(x, recurrent.params);
  disposeGruCache(run.cache);
  return run.hSeq; // [B, T, H]
}

/** Scalar sequences [B][T] as the cells' input [B, T, 1]. */
export function sequencesTensor(inputs: number[][]): tf.Tensor3D {
  return tf.tensor3d(inputs.map((row) => row.map((v) => [v]))); // [B, T, 1]
}

/** Runs the model over scalar sequences inputs [B][T] and returns the readout [B][T] as numbers. */
export function predictSequences(m: LabModel, inputs: number[][]): number[][] {
  const out = tf.tidy(() => readout(m, hiddenSequence(m.recurrent, sequencesTensor(inputs)))); // [B, T]
  const values = out.arraySync() as number[][];
  out.dispose();
  return values;
}

/** Float32 values rounded to 6 significant digits: small JSON, same predictions to float32 noise. */
export function roundForJson(values: Float32Array | number[]): number[] {
  return Array.from(values, (v) => Number(v.toPrecision(6)));
}
