// The lab's runs of the learner's drafts (exercises 01, 02, 06) in the real Node sandbox: the model answers
// come back equal to the lab's own reference, a broken cell shows where it differs, and failures read well.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findExercise, loadSpec, NodeSandbox } from '@/lib/grader/node';
import type { CallLimits } from '@/lib/grader/run-calls';
import { traceLstm } from '@/lib/lab/gate-trace';
import { gradientFlowCurves } from '@/lib/lab/gradient-flow';
import { DEFAULT_GRADIENT_FLOW_SETTINGS } from '@/lib/lab/gradient-flow-settings';
import { disposeLabModel, labModelFromWeights } from '@/lib/lab/lab-weights';
import { learnerCellSteps, learnerForward, learnerGradientNorms, type LearnerTrace } from '@/lib/lab/learner-runs';
import { shippedWeights } from '@/lib/lab/shipped-weights';
import type { LstmTrace } from '@/lib/lab/trace-reading';
import { useBackend } from '../lstm/backends';

const sandbox = new NodeSandbox({ warm: false });
beforeAll(() => useBackend('wasm'));
afterAll(() => sandbox.close());

const solutionOf = (slug: string) => readFileSync(path.join(findExercise(slug).dir, 'solution.ts'), 'utf8');
async function limitsOf(slug: string): Promise<CallLimits> {
  const spec = await loadSpec(findExercise(slug));
  return { allowList: spec.allowList, timeBudgetMs: spec.timeBudgetMs, memoryMb: spec.memoryMb };
}

const weights = shippedWeights('counting', 'lstm');
const inputs = [1, 0, 1, 1, 0, 1];

function referenceTrace(): LstmTrace {
  const model = labModelFromWeights(weights);
  try {
    if (model.recurrent.cell !== 'lstm') throw new Error('the counting weights should hold an LSTM');
    return traceLstm(model.recurrent.params, inputs.map((x) => [x]));
  } finally {
    disposeLabModel(model);
  }
}

/** Largest |learner − reference| over every gate, cell and hidden value. */
function worstDifference(learner: LearnerTrace, reference: LstmTrace): number {
  if (learner.status !== 'ok') throw new Error(`expected values, got ${JSON.stringify(learner)}`);
  let worst = 0;
  for (const key of ['i', 'f', 'g', 'o', 'c', 'h'] as const) {
    learner.values[key].forEach((row, t) => row.forEach((v, u) => (worst = Math.max(worst, Math.abs(v - reference.values[key][t][u])))));
  }
  return worst;
}

describe('learnerCellSteps (exercise 01)', () => {
  it("gives the reference's values for the model answer, and differs in f for a forget gate through tanh", async () => {
    const reference = referenceTrace();
    const limits = await limitsOf('01-lstm-cell-step');
    const answer = await learnerCellSteps(sandbox, solutionOf('01-lstm-cell-step'), weights, reference, limits);
    expect(worstDifference(answer, reference)).toBeLessThan(1e-5);

    const broken = solutionOf('01-lstm-cell-step').replace('const f = tf.sigmoid(zf);', 'const f = tf.tanh(zf);');
    expect(broken).not.toBe(solutionOf('01-lstm-cell-step'));
    const wrong = await learnerCellSteps(sandbox, broken, weights, reference, limits);
    if (wrong.status !== 'ok') throw new Error(JSON.stringify(wrong));
    const fGap = Math.max(...wrong.values.f.flat().map((v, k) => Math.abs(v - reference.values.f.flat()[k])));
    const iGap = Math.max(...wrong.values.i.flat().map((v, k) => Math.abs(v - reference.values.i.flat()[k])));
    expect(fGap).toBeGreaterThan(0.1);
    expect(iGap).toBeLessThan(1e-5); // each step starts from the reference's state, so only f (and what it feeds) moves
  });

  it('explains a draft that does not compile and one that returns the wrong shape', async () => {
    const reference = referenceTrace();
    const limits = await limitsOf('01-lstm-cell-step');
    const syntax = await learnerCellSteps(sandbox, 'export function lstmCellStep( {', weights, reference, limits);
    expect(syntax.status).toBe('error');
    if (syntax.status === 'error') expect(syntax.message).toMatch(/^1:\d+ /);

    const transposed = solutionOf('01-lstm-cell-step').replace(
      'const h = tf.mul(o, tf.tanh(c)) as tf.Tensor2D;',
      'const h = tf.concat([tf.mul(o, tf.tanh(c)), tf.mul(o, tf.tanh(c))], 1) as tf.Tensor2D;',
    );
    const shape = await learnerCellSteps(sandbox, transposed, weights, reference, limits);
    expect(shape).toEqual({ status: 'error', message: `step 0: h has shape [1, ${2 * reference.hiddenSize}], expected [1, ${reference.hiddenSize}]` });
  });
});

describe('learnerForward (exercise 02)', () => {
  it("reads gates and cells from the model answer's cache, equal to the reference", async () => {
    const reference = referenceTrace();
    const forward = await learnerForward(sandbox, solutionOf('02-lstm-forward'), weights, inputs, await limitsOf('02-lstm-forward'));
    expect(worstDifference(forward, reference)).toBeLessThan(1e-5);
  });
});

describe('learnerGradientNorms (exercise 06)', () => {
  it("gives the chart's own curves for the model answer", async () => {
    const settings = { ...DEFAULT_GRADIENT_FLOW_SETTINGS, steps: 20 };
    const learner = await learnerGradientNorms(sandbox, solutionOf('06-gradient-flow'), settings, await limitsOf('06-gradient-flow'));
    if (learner.status !== 'ok') throw new Error(learner.message);
    const reference = gradientFlowCurves(settings);
    expect(learner.rnn).toHaveLength(reference.rnn.length);
    learner.rnn.forEach((v, t) => expect(Math.abs(v - reference.rnn[t]) / reference.rnn[t]).toBeLessThan(1e-4));
    learner.lstm.forEach((v, t) => expect(Math.abs(v - reference.lstm[t]) / reference.lstm[t]).toBeLessThan(1e-4));
  });
});
