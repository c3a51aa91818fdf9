// The GRU beside the LSTM in the inspector (question 07): its gates z, r, h̃ and state h per step and unit.
import { gruCellStep, gruSizes, type GruParams } from '../lstm';
import { tf } from '../tfjs';

import { GRU_TRACE_ROWS, type GruTraceRow } from './trace-reading';

export { GRU_TRACE_ROWS, type GruTraceRow };

/** A GRU run over one sequence from a zero state, as plain numbers. */
export interface GruTrace {
  /** [T][I] */
  inputs: number[][];
  hiddenSize: number;
  /** each [T][H] */
  values: Record<GruTraceRow, number[][]>;
}

/** Runs the reference `gruCellStep` step by step over `inputs` [T][I] and records its gates and state. */
export function traceGru(p: GruParams, inputs: number[][]): GruTrace {
  const { inputSize, hiddenSize: H } = gruSizes(p);
  if (inputs.length === 0) throw new Error('traceGru: the sequence has no step');
  if (inputs.some((row) => row.length !== inputSize)) throw new Error(`traceGru: every step needs ${inputSize} input value(s)`);
  const rows = tf.tidy(() => {
    let h = tf.zeros([1, H]) as tf.Tensor2D; // [1, H]
    const perStep: tf.Tensor2D[] = [];
    for (const xt of inputs) {
      const step = gruCellStep(tf.tensor2d([xt]), h, p); // x [1, I]
      perStep.push(tf.concat([step.gates.z, step.gates.r, step.gates.hTilde, step.h], 1)); // [1, 4H]
      h = step.h;
    }
    return tf.concat(perStep, 0); // [T, 4H]
  });
  const table = rows.arraySync() as number[][];
  rows.dispose();
  const block = (k: number) => table.map((row) => row.slice(k * H, (k + 1) * H)); // [T][H]
  return { inputs: inputs.map((row) => [...row]), hiddenSize: H, values: { z: block(0), r: block(1), hTilde: block(2), h: block(3) } };
}
