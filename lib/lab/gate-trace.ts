// What the gate inspector shows: every gate, cell and hidden value of an LSTM per step and unit (the tfjs half; lib/lab/trace-reading reads it).
import { lstmSizes, type LstmParams } from '../lstm';
import { lstmUpdate } from '../lstm/cell';
import { tf } from '../tfjs';
import type { LstmTrace } from './trace-reading';

export type { LstmTrace } from './trace-reading';

/** Runs the reference LSTM step by step over `inputs` [T][I] (the update lstmCellStep and lstmForward share) and records everything. */
export function traceLstm(p: LstmParams, inputs: number[][]): LstmTrace {
  const { inputSize, hiddenSize: H } = lstmSizes(p);
  if (inputs.length === 0) throw new Error('traceLstm: the sequence has no step');
  if (inputs.some((row) => row.length !== inputSize)) throw new Error(`traceLstm: every step needs ${inputSize} input value(s)`);
  const rows = tf.tidy(() => {
    let h = tf.zeros([1, H]) as tf.Tensor2D; // [1, H]
    let c = tf.zeros([1, H]) as tf.Tensor2D; // [1, H]
    const perStep: tf.Tensor2D[] = [];
    for (const xt of inputs) {
      const x = tf.tensor2d([xt]); // [1, I]
      const z = x.matMul(p.kernel).add(h.matMul(p.recurrentKernel)).add(p.bias) as tf.Tensor2D; // [1, 4H]
      const step = lstmUpdate(z, c); // the same z the inspector shows
      const { i, f, g, o } = step.gates;
      perStep.push(tf.concat([z, i, f, g, o, step.c, step.h], 1)); // [1, 10H]
      h = step.h;
      c = step.c;
    }
    return tf.concat(perStep, 0); // [T, 10H]
  });
  const table = rows.arraySync() as number[][];
  rows.dispose();
  const block = (k: number) => table.map((row) => row.slice(k * H, (k + 1) * H)); // [T][H]
  return {
    inputs: inputs.map((row) => [...row]),
    hiddenSize: H,
    preActivations: { i: block(0), f: block(1), g: block(2), o: block(3) },
    values: { i: block(4), f: block(5), g: block(6), o: block(7), c: block(8), h: block(9) },
  };
}
