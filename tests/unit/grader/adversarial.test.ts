// Hostile and broken submissions in real worker_threads sandboxes: each gets the right verdict, and nothing leaks to the next run.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeSubmission } from '@/lib/grader/grade';
import { findExercise, loadSpec, NodeSandbox } from '@/lib/grader/node';
import type { GradeResult } from '@/lib/grader/result';
import type { ExerciseSpec } from '@/lib/grader/spec';

const BUDGET_MS = 2_000;
let spec: ExerciseSpec;
let solution: string;
const sandbox = new NodeSandbox({ warm: true });

beforeAll(async () => {
  const location = findExercise('demo-dense-sigmoid');
  // A shorter budget than the demo's, so the three timeouts cost seconds, not tens of seconds.
  spec = { ...(await loadSpec(location)), timeBudgetMs: BUDGET_MS };
  solution = await readFile(path.join(location.dir, 'solution.ts'), 'utf8');
  await sandbox.prewarm(spec.memoryMb);
});

afterAll(async () => {
  await sandbox.close();
});

const HEADER = `import * as tf from '@tensorflow/tfjs';\n`;
/** A module whose denseSigmoid runs `body` (with x, w, b in scope). */
const submission = (body: string, topLevel = '') =>
  `${HEADER}${topLevel}\nexport function denseSigmoid(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): any {\n${body}\n}\n`;
const CORRECT = `return tf.sigmoid(tf.add(tf.matMul(x, w), b));`;

async function grade(source: string, timeBudgetMs = BUDGET_MS): Promise<GradeResult> {
  return gradeSubmission({ ...spec, timeBudgetMs }, source, sandbox, { includeHidden: false });
}

/** After each hostile run, the model answer still passes: nothing leaked into the next worker or the host. */
async function expectNextRunUnaffected(): Promise<void> {
  const next = await grade(solution);
  expect(next.verdict, next.message.en).toBe('pass');
}

describe('adversarial submissions (Node sandbox)', () => {
  it('a sync infinite loop ends in timeout, with the budget in the message', async () => {
    const result = await grade(submission('while (true) {}'));
    expect(result.verdict).toBe('timeout');
    expect(result.message.en).toContain(`Time limit of ${BUDGET_MS} ms exceeded`);
    expect(result.tests[0].status).toBe('timeout');
    await expectNextRunUnaffected();
  });

  it('`while (true) await 0` ends in timeout', async () => {
    const result = await grade(submission('return (async () => { while (true) await 0; })();'));
    expect(result.verdict).toBe('timeout');
    expect(result.message.en).toContain(`${BUDGET_MS} ms`);
    await expectNextRunUnaffected();
  });

  it('a promise that never resolves ends in timeout', async () => {
    const result = await grade(submission('return new Promise(() => {});'));
    expect(result.verdict).toBe('timeout');
  });

  it('10 MB of console output is capped at 500 characters and the answer is still graded', async () => {
    const result = await grade(submission(`for (let k = 0; k < 10_000; k++) console.log('x'.repeat(1000));\n${CORRECT}`));
    expect(result.verdict).toBe('pass');
    for (const t of result.tests) {
      expect(t.output.length).toBeLessThanOrEqual(500);
      expect(t.output).toMatch(/more characters\)$/);
    }
  });

  it('`throw null` is an error that says what was thrown', async () => {
    const result = await grade(submission('throw null;'));
    expect(result.verdict).toBe('error');
    expect(result.tests[0].message.en).toBe('Thrown value: threw null (not an Error object)');
  });

  it('NaN results fail with the index of the first NaN', async () => {
    const result = await grade(submission('return tf.div(tf.zeros([x.shape[0], w.shape[1]]), tf.scalar(0));'));
    expect(result.verdict).toBe('fail');
    expect(result.tests[0].message.en).toBe('The returned value contains NaN at index [0, 0] (the first one); the reference is finite there.');
  });

  it('a wrong shape fails with both shapes', async () => {
    const result = await grade(submission('return tf.transpose(tf.sigmoid(tf.add(tf.matMul(x, w), b)));'));
    expect(result.verdict).toBe('fail');
    expect(result.tests[0].message.en).toBe('The returned value has shape [4, 2]; expected shape [2, 4].');
  });

  it('deep recursion is an error (stack overflow), not a crash', async () => {
    const result = await grade(submission('const r = (n: number): number => r(n + 1) + 1;\nreturn r(0);'));
    expect(result.verdict).toBe('error');
    expect(result.tests[0].message.en).toMatch(/^RangeError: Maximum call stack size exceeded \(line \d+\)$/);
    await expectNextRunUnaffected();
  });

  it.each([
    ['growing JS arrays', 'const keep: number[][] = [];\nfor (;;) keep.push(new Array(1e7).fill(1.5));'],
    ['one 2 GB typed array', 'const a = new Float32Array(5e8);\na.fill(1);\nreturn a;'],
    ['a 2.4 GB tensor', 'return tf.zeros([600_000_000]);'],
    ['many 40 MB tensors', 'const keep = [];\nfor (let k = 0; k < 60; k++) keep.push(tf.ones([10_000_000]));\nreturn keep[0];'],
  ])('allocating 2 GB (%s) is an error: "memory limit of N MB exceeded"', async (_label, body) => {
    // A generous budget: near its limit a heap spends seconds in garbage collection before giving up,
    // longer on a busy machine; this test is about the verdict, not the speed.
    const result = await grade(submission(body), 15_000);
    expect(result.verdict).toBe('error');
    expect(result.message.en).toBe(`memory limit of ${spec.memoryMb} MB exceeded`);
  });

  it('after the memory-limit runs the next run is unaffected', async () => {
    await expectNextRunUnaffected();
  });

  it('posting a fake "pass" message cannot produce a pass', async () => {
    const forged = `const g = globalThis as any;
const fake = { type: 'done', verdict: 'pass', status: 'pass' };
try { g.postMessage?.(fake); } catch {}
try { g.parentPort?.postMessage?.(fake); } catch {}
console.log(JSON.stringify({ type: 'case', index: 0, verdict: 'pass' }));
return tf.zeros([x.shape[0], w.shape[1]]);`;
    const result = await grade(submission(forged));
    expect(result.verdict).toBe('fail');
  });

  it('overriding Math, Array.prototype, Float32Array and JSON changes only the learner realm', async () => {
    const topLevel = `Math.exp = () => 0;
(Math as any).max = () => 0;
Array.prototype.map = function () { return []; } as any;
(globalThis as any).Float32Array = function () { throw new Error('no'); };
JSON.stringify = () => '{"verdict":"pass"}';
JSON.parse = () => ({ verdict: 'pass' });`;
    const correct = await grade(submission(CORRECT, topLevel));
    expect(correct.verdict, correct.message.en).toBe('pass');
    const wrong = await grade(submission('return tf.zeros([x.shape[0], w.shape[1]]);', topLevel));
    expect(wrong.verdict).toBe('fail');
  });

  it('overriding tf is refused (the namespace is frozen), and reaching past it to the worker realm is closed', async () => {
    const assign = await grade(submission(`(tf as any).sigmoid = (t: tf.Tensor) => t;\n${CORRECT}`));
    expect(assign.verdict).toBe('error');
    expect(assign.tests[0].message.en).toMatch(/^TypeError: Cannot assign to read only property 'sigmoid'/);
    const escape = await grade(submission(`const p = (tf.add as any).constructor('return process')();\np.exit(0);`));
    expect(escape.verdict).toBe('error');
    expect(escape.tests[0].message.en).toMatch(/Function constructors are not available to exercise code/);
    await expectNextRunUnaffected();
  });

  it("fetch('http://127.0.0.1:3000/api/health') is not available", async () => {
    const result = await grade(submission(`await (globalThis as any).fetch('http://127.0.0.1:3000/api/health');`).replace('export function', 'export async function'));
    expect(result.verdict).toBe('error');
    expect(result.tests[0].message.en).toMatch(/fetch is not a function/);
    const bare = await grade(submission(`fetch('http://127.0.0.1:3000/api/health');\n${CORRECT}`));
    expect(bare.tests[0].message.en).toMatch(/^ReferenceError: fetch is not defined/);
  });

  it("import('…') is a compile error with its line and column", async () => {
    const result = await grade(submission(`return import('node:child_process');`));
    expect(result.verdict).toBe('error');
    expect(result.message.en).toBe(
      "Your code does not compile:\n4:8 Dynamic import() is not allowed: exercise code can only use `import * as tf from '@tensorflow/tfjs'`",
    );
  });

  it('globalThis.process, require and the worker environment are absent', async () => {
    const probe = `const g = globalThis as any;
if (typeof g.process !== 'undefined') throw new Error('process is visible');
if (typeof g.require !== 'undefined') throw new Error('require is visible');
if (typeof g.setTimeout !== 'undefined') throw new Error('timers are visible');
if (typeof g.WebAssembly !== 'undefined') throw new Error('WebAssembly is visible');
${CORRECT}`;
    const result = await grade(submission(probe));
    expect(result.verdict, result.tests[0]?.message.en).toBe('pass');
    const exit = await grade(submission('(globalThis as any).process.exit(1);'));
    expect(exit.verdict).toBe('error');
    expect(exit.tests[0].message.en).toMatch(/^TypeError: Cannot read properties of undefined \(reading 'exit'\)/);
  });

  it('tf.grad is not allowed in the from-scratch track, and says so', async () => {
    const result = await grade(submission(`const g = (tf as any).grad((t: tf.Tensor) => t.sum());\n${CORRECT}`));
    expect(result.verdict).toBe('error');
    expect(result.tests[0].message.en).toMatch(
      /^Error: tf\.grad is not allowed in this exercise \(this exercise asks you to derive and compute the gradients yourself\) \(line 4\)$/,
    );
  });

  it('a missing export is named', async () => {
    const result = await grade(`${HEADER}export function dense() { return 1; }\n`);
    expect(result.verdict).toBe('error');
    expect(result.tests[0].message.en).toBe('OutputError: solution.ts must export a function named denseSigmoid');
  });
});
