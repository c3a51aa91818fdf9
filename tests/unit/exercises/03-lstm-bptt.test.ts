// Exercise 03's feedback: the wrong gradient and gate block are named, and the error is placed in time.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gradeSubmission } from '@/lib/grader/grade';
import { findExercise, loadSpec, NodeSandbox } from '@/lib/grader/node';
import type { GradeResult } from '@/lib/grader/result';

const location = findExercise('03-lstm-bptt');
const solution = readFileSync(path.join(location.dir, 'solution.ts'), 'utf8');
const sandbox = new NodeSandbox({ warm: true });

afterAll(() => sandbox.close());

/** The model answer with one line replaced: a wrong solution that no known mistake describes. */
function withLine(original: string, replacement: string): string {
  expect(solution).toContain(original);
  return solution.replace(original, replacement);
}

async function run(source: string): Promise<GradeResult> {
  return gradeSubmission(await loadSpec(location), source, sandbox, { includeHidden: false });
}

/** The first visible case: T = 3, a loss on every h_t, a nonzero initial state. */
function firstCase(result: GradeResult) {
  expect(result.verdict).toBe('fail');
  const test = result.tests[0];
  expect(test.status).toBe('fail');
  // None of these wrong solutions is a known mistake: the explanation must come from the numbers alone.
  expect(test.detail?.kind === 'tensor' && test.detail.mistake).toBeFalsy();
  return test;
}

describe('03-lstm-bptt feedback', () => {
  it('a wrong local derivative of the forget gate: names the parameter and its forget-gate block, and says the error is already at the last step', async () => {
    // σ'(z) = f(1 − f), not f.
    const result = await run(
      withLine('const dzf = tf.mul(tf.mul(dc, cPrev), tf.mul(f, tf.sub(1, f)));', 'const dzf = tf.mul(tf.mul(dc, cPrev), f);'),
    );
    const test = firstCase(result);
    expect(test.detail).toMatchObject({ path: 'dRecurrentKernel', gradient: { parameter: 'recurrentKernel', gateBlock: 'f' } });
    expect(test.message.en).toContain('(gradient of recurrentKernel, forget gate f block)');
    expect(test.message.en).toMatch(/worst element at \[\d+, \d+\] is -?[\d.e-]+, expected -?[\d.e-]+/);
    expect(test.message.en).toContain('already at the last step (t = 2)');
    expect(test.message.zh).toContain('遗忘门 f 分块');
    expect(test.message.zh).toContain('在最后一步（t = 2）就已出错');
  }, 120_000);

  it('a wrong factor in what is carried back: the last step matches and the error builds up back through time', async () => {
    // dc_{t-1} = dc_t ⊙ f_t; multiplying by the input gate instead corrupts only earlier steps.
    const result = await run(withLine('dcNext = tf.mul(dc, f) as tf.Tensor2D;', 'dcNext = tf.mul(dc, i) as tf.Tensor2D;'));
    const test = firstCase(result);
    expect(test.message.en).toContain('match at the last step (t = 2)');
    expect(test.message.en).toContain('the first wrong step is t = 1');
    expect(test.message.en).toContain('builds up back through time');
    expect(test.message.zh).toContain('误差是沿时间向前累积的');
  }, 120_000);

  it('weight gradients not summed over time: every dz matches, so the message points at the sums', async () => {
    // Overwriting instead of accumulating leaves only step 0's contribution in dBias.
    const result = await run(withLine('dBias = tf.add(dBias, tf.sum(dz, 0));', 'dBias = tf.sum(dz, 0) as tf.Tensor1D;'));
    const test = firstCase(result);
    expect(test.detail).toMatchObject({ path: 'dBias', gradient: { parameter: 'bias' } });
    expect(test.message.en).toContain('dGates match at every step');
    expect(test.message.en).toContain('dBias = Σ_t Σ_batch dz_t');
  }, 120_000);
});
