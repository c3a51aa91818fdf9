// runLearnerCalls: learner code called with given arguments in the real Node sandbox, values back, errors explained.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findExercise, NodeSandbox } from '@/lib/grader/node';
import { runLearnerCalls, type CallLimits } from '@/lib/grader/run-calls';
import { recordValue, tensorValue, type WireValue } from '@/lib/grader/values';

const sandbox = new NodeSandbox({ warm: false });
afterAll(() => sandbox.close());

const limits: CallLimits = { allowList: 'from-scratch', timeBudgetMs: 20_000, memoryMb: 256 };
const solution = readFileSync(path.join(findExercise('01-lstm-cell-step').dir, 'solution.ts'), 'utf8');

/** x [1, 1] = 1, zero state, H = 1, every weight 0 except the candidate's bias: c = σ(0)·tanh(1) = 0.5·tanh(1). */
function stepArgs(): WireValue[] {
  return [
    tensorValue([1, 1], [1]),
    tensorValue([1, 1], [0]),
    tensorValue([1, 1], [0]),
    recordValue({ kernel: tensorValue([1, 4], [0, 0, 0, 0]), recurrentKernel: tensorValue([1, 4], [0, 0, 0, 0]), bias: tensorValue([4], [0, 0, 1, 0]) }),
  ];
}

function tensorEntry(value: WireValue, key: string): number[] {
  if (value.kind !== 'record') throw new Error('expected a record');
  const t = value.entries[key];
  if (t.kind !== 'tensor') throw new Error(`expected ${key} to be a tensor`);
  return Array.from(t.data);
}

describe('runLearnerCalls', () => {
  it('returns the values of each call of the model answer, in order', async () => {
    const outcome = await runLearnerCalls(sandbox, solution, [{ entry: 'lstmCellStep', args: stepArgs() }, { entry: 'lstmCellStep', args: stepArgs() }], limits);
    expect(outcome.kind).toBe('ran');
    if (outcome.kind !== 'ran') return;
    expect(outcome.results).toHaveLength(2);
    for (const r of outcome.results) {
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(tensorEntry(r.value, 'c')[0]).toBeCloseTo(0.5 * Math.tanh(1), 5);
    }
  });

  it('reports compile errors, a missing export and a throwing call', async () => {
    const broken = await runLearnerCalls(sandbox, 'export function lstmCellStep( {', [], limits);
    expect(broken.kind).toBe('compile-error');
    const outcome = await runLearnerCalls(
      sandbox,
      `export function lstmCellStep() { throw new Error('not yet'); }`,
      [{ entry: 'lstmCellStep', args: stepArgs() }, { entry: 'lstmForward', args: [] }],
      limits,
    );
    if (outcome.kind !== 'ran') throw new Error('expected the module to run');
    const [thrown, missing] = outcome.results;
    expect(!thrown.ok && thrown.error.message).toBe('not yet');
    expect(!missing.ok && missing.error.message).toContain('lstmForward');
  });

  it('ends a call that runs past the time budget with an explanation', async () => {
    const outcome = await runLearnerCalls(sandbox, 'export function lstmCellStep() { for (;;) {} }', [{ entry: 'lstmCellStep', args: stepArgs() }], { ...limits, timeBudgetMs: 1500 });
    if (outcome.kind !== 'ran') throw new Error('expected the module to run');
    expect(outcome.results[0].ok).toBe(false);
    expect(!outcome.results[0].ok && outcome.results[0].error.message).toMatch(/time/);
  });
});
