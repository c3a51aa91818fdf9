// The grading path with a scripted sandbox: verdicts, messages, numeric detail, mistakes, metrics, timeouts, memory.
import { describe, expect, it } from 'vitest';
import { gradeSubmission } from '@/lib/grader/grade';
import type { CaseMessage, SandboxOutcome } from '@/lib/grader/protocol';
import { GRADER_VERSION, gradeResultSchema, verdictText, verdictSchema } from '@/lib/grader/result';
import type { Sandbox, SandboxJob } from '@/lib/grader/sandbox';
import { defineSpec } from '@/lib/grader/spec';
import { recordValue, tensorValue, type TensorValue, type WireValue } from '@/lib/grader/values';

const NONCE = 'n'.repeat(32);
const SOURCE = `export function f(x: unknown) { return x; }`;
const X: Record<string, number[]> = {
  a: [1, 2, 3, 4, 5, 6, 7, 8, -1, -2, -3, -4, -5, -6, -7, -8],
  b: [0.5, 0.25, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
};
const double = (x: TensorValue) => tensorValue(x.shape, Array.from(x.data, (v) => 2 * v));

const spec = defineSpec({
  id: 'unit-spec',
  entries: ['f'],
  allowList: 'from-scratch',
  timeBudgetMs: 1234,
  memoryMb: 128,
  outputs: { dKernel: { tolerance: 'gradient', gates: 'lstm', gradientOf: 'kernel' } },
  cases: [
    { name: 'case a', visibility: 'visible', generate: () => [tensorValue([2, 8], X.a)] },
    { name: 'case b', visibility: 'hidden', generate: () => [tensorValue([2, 8], X.b)] },
    {
      name: 'positives',
      visibility: 'visible',
      generate: () => [tensorValue([2, 8], X.a)],
      metric: {
        metric: 'share of positive outputs',
        direction: 'higher',
        threshold: 0.5,
        baseline: 0.25,
        referenceScore: 1,
        score: (output) => {
          if (output.kind !== 'tensor') throw new Error('expected a tensor');
          return Array.from(output.data).filter((v) => v > 0).length / output.data.length;
        },
      },
    },
  ],
  reference: ([x]) => recordValue({ y: double(x as TensorValue), dKernel: x }),
  knownMistakes: [
    {
      id: 'forgot-double',
      message: { en: 'y is x, not 2x.', zh: 'y 等于 x 而不是 2x。' },
      variant: ([x]) => recordValue({ y: x, dKernel: x }),
    },
  ],
});

/** A sandbox that answers from a script instead of running code, recording the job it got. */
class ScriptedSandbox implements Sandbox {
  jobs: SandboxJob[] = [];
  constructor(private readonly script: (job: SandboxJob) => Partial<SandboxOutcome> & { values?: (WireValue | null)[] }) {}
  async run(job: SandboxJob): Promise<SandboxOutcome> {
    this.jobs.push(job);
    const { values, ...rest } = this.script(job);
    const cases: CaseMessage[] = (values ?? []).map((value, index) => ({
      type: 'case', nonce: NONCE, index, value, error: null, output: `log ${index}\n`, durationMs: 3,
    }));
    return { ending: 'completed', detail: '', backend: 'wasm', module: { type: 'module', nonce: NONCE, error: null, output: '' }, cases, ...rest };
  }
}

/** The metric case is the spec's last case, so it is the job's last case for Run and Submit alike. */
const isMetricCase = (job: SandboxJob, index: number) => index === job.cases.length - 1;

const correct = (job: SandboxJob) =>
  job.cases.map((c) => {
    const x = c.args[0] as TensorValue;
    return isMetricCase(job, c.index) ? x : recordValue({ y: double(x), dKernel: x });
  });

describe('gradeSubmission', () => {
  it('passes correct outputs, in spec order, with the grader version and backend', async () => {
    const sandbox = new ScriptedSandbox((job) => ({ values: correct(job) }));
    const result = await gradeSubmission(spec, SOURCE, sandbox, { includeHidden: true });
    expect(gradeResultSchema.parse(result)).toEqual(result);
    expect(result.verdict).toBe('pass');
    expect(result.message.en).toBe('All 3 tests passed.');
    expect(result.message.zh).toBe('全部 3 个测试通过。');
    expect(result.tests.map((t) => [t.name, t.visibility, t.status])).toEqual([
      ['case a', 'visible', 'pass'],
      ['case b', 'hidden', 'pass'],
      ['positives', 'visible', 'pass'],
    ]);
    expect(result.tests[0].output).toBe('log 0\n');
    expect(result.version).toBe(GRADER_VERSION);
    expect(result.backend).toBe('wasm');
    expect(result.tests[2].detail).toEqual({ kind: 'metric', metric: 'share of positive outputs', value: 0.5, threshold: 0.5, baseline: 0.25, direction: 'higher', extras: {}, mistake: null });
  });

  it('Run sends only the visible cases to the sandbox', async () => {
    const sandbox = new ScriptedSandbox((job) => ({ values: correct(job) }));
    const result = await gradeSubmission(spec, SOURCE, sandbox, { includeHidden: false });
    expect(sandbox.jobs[0].cases.map((c) => c.index)).toEqual([0, 1]);
    expect(result.tests.map((t) => t.name)).toEqual(['case a', 'positives']);
    expect(sandbox.jobs[0]).toMatchObject({ timeBudgetMs: 1234, memoryMb: 128, allowList: 'from-scratch' });
  });

  it('names a known mistake when the output matches its broken reference', async () => {
    const sandbox = new ScriptedSandbox((job) => ({
      values: job.cases.map((c) => (isMetricCase(job, c.index) ? c.args[0] : recordValue({ y: c.args[0], dKernel: c.args[0] }))),
    }));
    const result = await gradeSubmission(spec, SOURCE, sandbox, { includeHidden: false });
    expect(result.verdict).toBe('fail');
    expect(result.message.en).toBe('1 of 2 tests failed.');
    const test = result.tests[0];
    expect(test.message.en).toBe(
      '`y` differs from the reference: worst element at [0, 7] is 8, expected 16 (tolerance 0.00161); relative error norm 0.5. This matches a common mistake: y is x, not 2x.',
    );
    expect(test.message.zh).toContain('这与一个常见错误相符：y 等于 x 而不是 2x。');
    expect(test.detail).toMatchObject({ kind: 'tensor', path: 'y', mistake: { id: 'forgot-double' }, worst: { index: [0, 7], expected: 16, actual: 8 } });
  });

  it('reports which parameter and gate block of a gradient is wrong', async () => {
    const sandbox = new ScriptedSandbox((job) => ({
      values: job.cases.map((c) => {
        const x = c.args[0] as TensorValue;
        if (isMetricCase(job, c.index)) return x;
        const bad = Array.from(x.data);
        bad[8 + 3] += 1; // row 1, column 3: block f (H = 2, columns 2–3)
        return recordValue({ y: double(x), dKernel: tensorValue([2, 8], bad) });
      }),
    }));
    const result = await gradeSubmission(spec, SOURCE, sandbox, { includeHidden: false });
    const test = result.tests[0];
    expect(test.status).toBe('fail');
    expect(test.detail).toMatchObject({ path: 'dKernel', gradient: { parameter: 'kernel', gateBlock: 'f' }, worst: { index: [1, 3] }, mistake: null });
    expect(test.message.en).toMatch(/^`dKernel` \(gradient of kernel, forget gate f block\) differs from the reference/);
  });

  it('shows both shapes on a shape mismatch, and the first NaN with its index', async () => {
    const sandbox = new ScriptedSandbox(() => ({
      values: [
        recordValue({ y: tensorValue([8, 2], X.a), dKernel: tensorValue([2, 8], X.a) }),
        tensorValue([2, 8], [1, NaN, ...X.a.slice(2)]),
      ],
    }));
    const result = await gradeSubmission(spec, SOURCE, sandbox, { includeHidden: false });
    expect(result.tests[0].message.en).toBe('`y` has shape [8, 2]; expected shape [2, 8].');
    expect(result.tests[0].detail).toMatchObject({ expectedShape: [2, 8], actualShape: [8, 2] });
    // the metric test scores NaN as not positive: 0.4375 < 0.5
    expect(result.tests[1].status).toBe('fail');
    expect(result.tests[1].message.en).toBe('share of positive outputs = 0.4375 < threshold 0.5 (the baseline scores 0.25).');
  });

  it('names NaN in a compared tensor with its index', async () => {
    const sandbox = new ScriptedSandbox(() => ({
      values: [recordValue({ y: tensorValue([2, 8], [2, NaN, ...X.a.slice(2).map((v) => 2 * v)]), dKernel: tensorValue([2, 8], X.a) }), tensorValue([2, 8], X.a)],
    }));
    const result = await gradeSubmission(spec, SOURCE, sandbox, { includeHidden: false });
    expect(result.tests[0].message.en).toBe('`y` contains NaN at index [0, 1] (the first one); the reference is finite there.');
    expect(result.tests[0].detail).toMatchObject({ nonFinite: { index: [0, 1], value: 'NaN' } });
  });

  it('explains a missing key and a wrong kind of value', async () => {
    const y = double(tensorValue([2, 8], X.a));
    const sandbox = new ScriptedSandbox(() => ({ values: [recordValue({ y }), { kind: 'number', value: 1 }] }));
    const result = await gradeSubmission(spec, SOURCE, sandbox, { includeHidden: false });
    expect(result.tests[0].message.en).toBe('Expected `dKernel` to be a tensor of shape [2, 8], got nothing (the key is missing).');
    expect(result.tests[1].message.en).toMatch(/^Could not compute share of positive outputs from the returned value: expected a tensor/);
  });

  it('ends in timeout with the budget in the message; later tests are marked not run', async () => {
    const sandbox = new ScriptedSandbox((job) => ({ ending: 'timeout', detail: 'x', values: correct(job).slice(0, 1) }));
    const result = await gradeSubmission(spec, SOURCE, sandbox, { includeHidden: true });
    expect(result.verdict).toBe('timeout');
    expect(result.message.en).toMatch(/^Time limit of 1234 ms exceeded/);
    expect(result.tests.map((t) => t.status)).toEqual(['pass', 'timeout', 'timeout']);
    expect(result.tests[2].message.en).toBe('Not run: the time limit was used up by an earlier test.');
  });

  it('reports an exhausted heap as "memory limit of N MB exceeded"', async () => {
    const sandbox = new ScriptedSandbox(() => ({ ending: 'memory', detail: 'memory limit of 128 MB exceeded', values: [] }));
    const result = await gradeSubmission(spec, SOURCE, sandbox, { includeHidden: false });
    expect(result.verdict).toBe('error');
    expect(result.message.en).toBe('memory limit of 128 MB exceeded');
    expect(result.tests.map((t) => t.message.en)).toEqual(['memory limit of 128 MB exceeded', 'Not run: the worker stopped earlier.']);
  });

  it('reports a refused large allocation inside a test as a memory-limit error', async () => {
    const sandbox = new ScriptedSandbox(() => ({
      cases: [{ type: 'case', nonce: NONCE, index: 0, value: null, error: { name: 'MemoryLimitError', message: 'memory limit of 128 MB exceeded', line: 4 }, output: '', durationMs: 1 }],
    }));
    const result = await gradeSubmission(spec, SOURCE, sandbox, { includeHidden: false });
    expect(result.verdict).toBe('error');
    expect(result.message.en).toBe('memory limit of 128 MB exceeded');
  });

  it('reports a module that throws while loading, with its line', async () => {
    const sandbox = new ScriptedSandbox(() => ({
      module: { type: 'module', nonce: NONCE, error: { name: 'ReferenceError', message: 'fetch is not defined', line: 3 }, output: 'top\n' },
    }));
    const result = await gradeSubmission(spec, SOURCE, sandbox, { includeHidden: false });
    expect(result.verdict).toBe('error');
    expect(result.message.en).toBe('Your module threw while loading (line 3): ReferenceError: fetch is not defined');
    expect(result.output).toBe('top\n');
    expect(result.tests.every((t) => t.status === 'error' && t.message.en === 'Not run: the module failed to load.')).toBe(true);
  });

  it('treats a protocol violation from the worker as an error, never a pass', async () => {
    const sandbox = new ScriptedSandbox((job) => ({ ending: 'protocol', detail: 'the worker sent a message that is not part of this run', values: correct(job).slice(0, 1) }));
    const result = await gradeSubmission(spec, SOURCE, sandbox, { includeHidden: false });
    expect(result.verdict).toBe('error');
    expect(result.tests[1].message.en).toBe('The grader could not finish: the worker sent a message that is not part of this run.');
  });

  it('does not start a sandbox for code that does not compile', async () => {
    const sandbox = new ScriptedSandbox(() => ({}));
    const result = await gradeSubmission(spec, 'export function f( {', sandbox, { includeHidden: false });
    expect(sandbox.jobs).toHaveLength(0);
    expect(result.verdict).toBe('error');
    expect(result.message.en).toMatch(/^Your code does not compile:\n1:\d+ Syntax error/);
    expect(result.tests).toEqual([]);
  });
});

describe('verdictText', () => {
  it('has a distinct label for every verdict in both languages', () => {
    for (const lang of ['en', 'zh'] as const) {
      const labels = verdictSchema.options.map((v) => verdictText(v, lang));
      expect(new Set(labels).size).toBe(verdictSchema.options.length);
    }
    expect(verdictText('timeout', 'en')).toBe('Time limit exceeded');
    expect(verdictText('fail', 'zh')).toBe('答案错误');
  });
});

describe('defineSpec', () => {
  it('rejects a spec without visible cases or with a case calling an unknown entry', () => {
    const base = { id: 'x', entries: ['f'], allowList: 'from-scratch' as const, timeBudgetMs: 100, memoryMb: 64, reference: () => ({ kind: 'null' as const }) };
    expect(() => defineSpec({ ...base, cases: [{ name: 'h', visibility: 'hidden', generate: () => [] }] })).toThrow(/at least one visible case/);
    expect(() => defineSpec({ ...base, cases: [{ name: 'v', visibility: 'visible', entry: 'g', generate: () => [] }] })).toThrow(/calls "g", which is not an entry/);
  });
});
