// Model exercises end to end in a real Node sandbox: structural checks, train(data, ctx) → predictor, queries one at a time, seeded randomness, progress.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeSubmission, type GradeOptions } from '@/lib/grader/grade';
import { recurrentLayerCheck } from '@/lib/grader/model-summary';
import { NodeSandbox } from '@/lib/grader/node';
import type { GradeResult } from '@/lib/grader/result';
import { defineSpec } from '@/lib/grader/spec';
import { listValue, numberValue, recordValue, tensorValue, type WireValue } from '@/lib/grader/values';

/** What the host saw in the last scored training case (filled by score, read by the tests). */
let lastAnswers: number[] = [];

const answersOf = (output: WireValue): number[] =>
  output.kind === 'list' ? output.items.map((v) => (v.kind === 'number' ? v.value : v.kind === 'tensor' ? v.data[0] : NaN)) : [];

const spec = defineSpec({
  id: 'unit-training',
  entries: ['buildModel', 'train'],
  allowList: 'full',
  timeBudgetMs: 30_000,
  memoryMb: 512,
  cases: [
    { name: 'buildModel has a recurrent layer', visibility: 'visible', entry: 'buildModel', generate: () => [numberValue(3)], check: (out) => recurrentLayerCheck(out) },
    {
      name: 'train answers the queries',
      visibility: 'visible',
      entry: 'train',
      generate: (seed) => [recordValue({ x: tensorValue([2, 1], [seed, seed + 1]) })],
      // queries 10, 20, 30, 40, 50 in a seeded order
      queries: (seed) => [30, 10, 50, 20, 40].map((q) => [numberValue(q + seed)]),
      metric: {
        metric: 'answers that are 2 × query',
        direction: 'higher',
        threshold: 1,
        baseline: 0,
        referenceScore: 1,
        score: (output, _args, seed) => {
          lastAnswers = answersOf(output);
          const wanted = [30, 10, 50, 20, 40].map((q) => 2 * (q + seed));
          const share = lastAnswers.filter((a, k) => Math.abs(a - wanted[k]) < 1e-3).length / wanted.length;
          return { value: share, extras: { 'first answer': lastAnswers[0] ?? NaN } };
        },
        diagnose: (output) => (new Set(answersOf(output)).size === 1 ? 'constant-answers' : null),
      },
    },
  ],
  reference: () => listValue([]),
  knownMistakes: [{ id: 'constant-answers', message: { en: 'every answer is the same: the predictor ignores its input.', zh: '每个回答都一样：预测函数忽略了输入。' } }],
});

const HEADER = `import * as tf from '@tensorflow/tfjs';\n`;
const LSTM_MODEL = `export function buildModel(w: number) {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 4, inputShape: [w, 1] }));
  model.add(tf.layers.dense({ units: 1 }));
  return model;
}\n`;
const submission = (trainBody: string, model = LSTM_MODEL) => `${HEADER}${model}export async function train(data: any, ctx: any): Promise<any> {\n${trainBody}\n}\n`;
const DOUBLER = `return (q: number) => 2 * q;`;

const sandbox = new NodeSandbox({ warm: true });
beforeAll(() => sandbox.prewarm(spec.memoryMb), 60_000);
afterAll(() => sandbox.close());

function grade(source: string, options: Partial<GradeOptions> = {}): Promise<GradeResult> {
  lastAnswers = [];
  return gradeSubmission(spec, source, sandbox, { includeHidden: false, ...options });
}

describe('training cases (Node sandbox)', () => {
  it('passes a model with an LSTM and a predictor that answers each query', async () => {
    const result = await grade(submission(DOUBLER));
    expect(result.verdict, JSON.stringify(result.tests.map((t) => t.message.en))).toBe('pass');
    expect(lastAnswers).toEqual([62, 22, 102, 42, 82]); // seed 1, in the host's order
    expect(result.tests[1].detail).toMatchObject({ kind: 'metric', value: 1, extras: { 'first answer': 62 }, mistake: null });
  }, 60_000);

  it('calls the predictor once per query, one at a time, in the given order', async () => {
    const source = submission(`let calls = 0;\nreturn async (q: number) => { calls++; await Promise.resolve(); return calls * 1000 + q; };`);
    await grade(source);
    expect(lastAnswers).toEqual([1031, 2011, 3051, 4021, 5041]);
  }, 60_000);

  it('rejects a model without LSTM or GRU, naming its layers', async () => {
    const dense = `export function buildModel(w: number) {\n  const m = tf.sequential();\n  m.add(tf.layers.flatten({ inputShape: [w, 1] }));\n  m.add(tf.layers.dense({ units: 1 }));\n  return m;\n}\n`;
    const result = await grade(submission(DOUBLER, dense));
    expect(result.tests[0].status).toBe('fail');
    expect(result.tests[0].message.en).toContain('The model has no LSTM / GRU layer (Flatten → Dense(1))');
    expect(result.tests[0].message.zh).toContain('没有循环层的模型不被接受');
  }, 60_000);

  it('says what train must return when it returns something else', async () => {
    const result = await grade(submission(`return 42;`));
    expect(result.tests[1].status).toBe('error');
    expect(result.tests[1].message.en).toContain('train must return a predictor function');
    expect(result.tests[1].message.en).toContain('it returned a number');
  }, 60_000);

  it('names the likely mistake when the metric misses the threshold', async () => {
    const result = await grade(submission(`return () => 7;`));
    expect(result.tests[1].status).toBe('fail');
    expect(result.tests[1].detail).toMatchObject({ kind: 'metric', value: 0, mistake: { id: 'constant-answers' } });
    expect(result.tests[1].message.en).toContain('the predictor ignores its input');
  }, 60_000);

  it('streams ctx.report and fit callbacks to onProgress, NaN as null, with the test name', async () => {
    const points: { epoch: number; loss: number | null; valLoss: number | null; testName: string }[] = [];
    const body = `ctx.report({ epoch: 0, loss: 1.5 });
ctx.report({ epoch: 1, loss: NaN, valLoss: 2 });
const model = tf.sequential();
model.add(tf.layers.dense({ units: 1, inputShape: [1] }));
model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
const x = tf.tensor2d([[1], [2], [3], [4]]);
await model.fit(x, x.mul(2), { epochs: 3, validationSplit: 0.25, callbacks: ctx.fitCallbacks() });
${DOUBLER}`;
    const result = await grade(submission(body), { onProgress: (p) => points.push(p) });
    expect(result.verdict).toBe('pass');
    expect(points.slice(0, 2)).toEqual([
      expect.objectContaining({ epoch: 0, loss: 1.5, valLoss: null, testName: 'train answers the queries' }),
      expect.objectContaining({ epoch: 1, loss: null, valLoss: 2 }),
    ]);
    expect(points.slice(2).map((p) => p.epoch)).toEqual([0, 1, 2]);
    for (const p of points.slice(2)) {
      expect(p.loss).toBeGreaterThan(0);
      expect(p.valLoss).toBeGreaterThan(0);
    }
  }, 60_000);

  it('fitCallbacks() sits next to tf.callbacks.earlyStopping in one callbacks array', async () => {
    const points: { epoch: number }[] = [];
    const body = `const model = tf.sequential();
model.add(tf.layers.dense({ units: 1, inputShape: [1] }));
model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
const x = tf.tensor2d([[1], [2], [3], [4]]);
const stop = tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 1 });
await model.fit(x, x.mul(2), { epochs: 2, validationSplit: 0.25, callbacks: [ctx.fitCallbacks(), stop] });
${DOUBLER}`;
    const result = await grade(submission(body), { onProgress: (p) => points.push(p) });
    expect(result.verdict, result.tests.map((t) => t.message.en).join(' | ')).toBe('pass');
    expect(points.map((p) => p.epoch)).toEqual([0, 1]);
  }, 60_000);

  it('seeds Math.random, ctx.random and tf.layers initialisers from the grading seed', async () => {
    const body = `const model = tf.sequential();
model.add(tf.layers.dense({ units: 3, inputShape: [2] }));
const kernelSum = (model.getWeights()[0].sum().dataSync()[0]);
const draws = [Math.random(), ctx.random(), kernelSum];
return (q: number) => draws[0] + draws[1] + draws[2];`;
    const source = submission(body);
    await grade(source, { seed: 3 });
    const first = lastAnswers[0];
    await grade(source, { seed: 3 });
    expect(lastAnswers[0]).toBe(first);
    await grade(source, { seed: 4 });
    expect(lastAnswers[0]).not.toBe(first);
  }, 90_000);
});
