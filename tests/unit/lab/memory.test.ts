// lib/lab frees every tensor it makes: the worker runs these on every slider move and step, for as long as a page is open.
import { beforeAll, describe, expect, it } from 'vitest';
import { traceLstm } from '@/lib/lab/gate-trace';
import { gradientFlowCurves } from '@/lib/lab/gradient-flow';
import { traceGru } from '@/lib/lab/gru-trace';
import { disposeLabModel, labModelFromWeights, predictSequences } from '@/lib/lab/lab-weights';
import { shippedWeights } from '@/lib/lab/shipped-weights';
import { trainPreset } from '@/lib/lab/train-preset';
import { tf } from '@/lib/tfjs';
import { useBackend } from '../lstm/backends';

/** Tensors left alive by `run` (after a first call, so tfjs' own one-off caches are not counted). */
function leaked(run: () => void): number {
  run();
  const before = tf.memory().numTensors;
  run();
  return tf.memory().numTensors - before;
}

describe('lib/lab tensor hygiene', () => {
  beforeAll(() => useBackend('wasm'));

  it('traces, predictions and gradient curves leave no tensor behind', () => {
    expect(
      leaked(() => {
        const lstm = labModelFromWeights(shippedWeights('delayed-copy', 'lstm'));
        const gru = labModelFromWeights(shippedWeights('delayed-copy', 'gru'));
        if (lstm.recurrent.cell === 'lstm') traceLstm(lstm.recurrent.params, [[1], [0], [1]]);
        if (gru.recurrent.cell === 'gru') traceGru(gru.recurrent.params, [[1], [0], [1]]);
        predictSequences(lstm, [[1, 0, 1]]);
        predictSequences(gru, [[1, 0, 1]]);
        disposeLabModel(lstm);
        disposeLabModel(gru);
      }),
    ).toBe(0);
    expect(leaked(() => gradientFlowCurves({ steps: 6, hiddenSize: 3, forgetBias: 1, recurrentScale: 1, seed: 2 }))).toBe(0);
  });

  it('training frees its variables, optimiser state and initial values', () => {
    expect(leaked(() => trainPreset('counting', 'lstm', 3, { steps: 2, batch: 4, learningRate: 0.01 }))).toBe(0);
    expect(leaked(() => trainPreset('counting', 'gru', 3, { steps: 2, batch: 4, learningRate: 0.01 }))).toBe(0);
  });
});
