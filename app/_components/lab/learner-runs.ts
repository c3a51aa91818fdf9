// The lab worker's glue to the grader sandbox: the learner's drafts of exercises 01, 02 and 06 run on the lab's weights and inputs.
import type { BrowserSandbox } from '@/lib/grader/browser/host';
import { formatCompileErrors } from '@/lib/grader/compile';
import { runLearnerCalls, type CallLimits, type LearnerCall, type LearnerCallResult } from '@/lib/grader/run-calls';
import { recordValue, tensorValue, type WireValue } from '@/lib/grader/values';
import type { LstmTrace } from '@/lib/lab/trace-reading';
import type { LabWeights } from '@/lib/lab/lab-weights';
import { loadBrowserSpec } from '../editor/exercise-specs';
import type { LearnerTrace } from './lab-protocol';

/** The sandbox limits the exercise itself grades under. */
async function limitsOf(exerciseId: string): Promise<CallLimits> {
  const spec = await loadBrowserSpec(exerciseId);
  return { allowList: spec.allowList, timeBudgetMs: spec.timeBudgetMs, memoryMb: spec.memoryMb };
}

function matrixValue(rows: number[][]): WireValue {
  return tensorValue([rows.length, rows[0].length], rows.flat()); // [R, C]
}

/** LSTM weights of a weight file as the learner's `p` argument. */
function lstmParamsValue(w: LabWeights): WireValue {
  return recordValue({ kernel: matrixValue(w.kernel), recurrentKernel: matrixValue(w.recurrentKernel), bias: tensorValue([w.bias.length], w.bias) });
}

/** A record's entry (nested by dots: 'gates.i'), or null when the learner's value lacks it. */
function entryAt(value: WireValue, path: string): WireValue | null {
  let at: WireValue | null = value;
  for (const key of path.split('.')) at = at?.kind === 'record' ? (at.entries[key] ?? null) : null;
  return at;
}

/** A learner tensor [1, H] (or [H]) as a row, or a message saying what came back instead. */
function rowOf(value: WireValue | null, label: string, H: number): number[] {
  if (!value || value.kind !== 'tensor') throw new Error(`${label} is not a tensor`);
  if (value.data.length !== H) throw new Error(`${label} has shape [${value.shape.join(', ')}], expected [1, ${H}]`);
  return Array.from(value.data);
}

function failureOf(result: LearnerCallResult): string | null {
  if (result.ok) return null;
  return `${result.error.name}: ${result.error.message}${result.error.line ? ` (line ${result.error.line})` : ''}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Exercise 01: `lstmCellStep` once per step, each from the reference's state at that step, so a
 * difference shows where the step itself is wrong rather than an error carried on from earlier steps.
 */
export async function learnerCellSteps(sandbox: BrowserSandbox, source: string, w: LabWeights, reference: LstmTrace): Promise<LearnerTrace> {
  const H = reference.hiddenSize;
  const zeros = new Array(H).fill(0);
  const calls: LearnerCall[] = reference.inputs.map((x, t) => ({
    entry: 'lstmCellStep',
    args: [
      tensorValue([1, 1], x), // x [1, 1]
      tensorValue([1, H], t > 0 ? reference.values.h[t - 1] : zeros), // hPrev [1, H]
      tensorValue([1, H], t > 0 ? reference.values.c[t - 1] : zeros), // cPrev [1, H]
      lstmParamsValue(w),
    ],
  }));
  const outcome = await runLearnerCalls(sandbox, source, calls, await limitsOf('01-lstm-cell-step'));
  if (outcome.kind === 'compile-error') return { status: 'error', message: formatCompileErrors(outcome.errors) };
  try {
    const rows = { i: [] as number[][], f: [] as number[][], g: [] as number[][], o: [] as number[][], c: [] as number[][], h: [] as number[][] };
    outcome.results.forEach((result, t) => {
      const failure = failureOf(result);
      if (failure || !result.ok) throw new Error(`step ${t}: ${failure}`);
      for (const gate of ['i', 'f', 'g', 'o'] as const) rows[gate].push(rowOf(entryAt(result.value, `gates.${gate}`), `step ${t}: gates.${gate}`, H));
      rows.c.push(rowOf(entryAt(result.value, 'c'), `step ${t}: c`, H));
      rows.h.push(rowOf(entryAt(result.value, 'h'), `step ${t}: h`, H));
    });
    return { status: 'ok', values: rows };
  } catch (error) {
    return { status: 'error', message: describe(error) };
  }
}

/** Exercise 02: `lstmForward` over the whole sequence from a zero state; gates and cells from its cache. */
export async function learnerForward(sandbox: BrowserSandbox, source: string, w: LabWeights, inputs: number[]): Promise<LearnerTrace> {
  const H = w.recurrentKernel.length;
  const T = inputs.length;
  const call: LearnerCall = { entry: 'lstmForward', args: [tensorValue([1, T, 1], inputs), lstmParamsValue(w), { kind: 'null' }] }; // x [1, T, 1]
  const outcome = await runLearnerCalls(sandbox, source, [call], await limitsOf('02-lstm-forward'));
  if (outcome.kind === 'compile-error') return { status: 'error', message: formatCompileErrors(outcome.errors) };
  const [result] = outcome.results;
  const failure = failureOf(result);
  if (failure || !result.ok) return { status: 'error', message: failure ?? 'no value' };
  try {
    const hSeq = entryAt(result.value, 'hSeq');
    if (!hSeq || hSeq.kind !== 'tensor' || hSeq.data.length !== T * H) throw new Error(`hSeq is not a [1, ${T}, ${H}] tensor`);
    const steps = entryAt(result.value, 'cache.steps');
    if (!steps || steps.kind !== 'list' || steps.items.length !== T) throw new Error(`cache.steps is not a list of ${T} steps`);
    const row = (t: number, key: string) => rowOf(entryAt(steps.items[t], key), `cache.steps[${t}].${key}`, H);
    const times = Array.from({ length: T }, (_, t) => t);
    return {
      status: 'ok',
      values: {
        i: times.map((t) => row(t, 'i')),
        f: times.map((t) => row(t, 'f')),
        g: times.map((t) => row(t, 'g')),
        o: times.map((t) => row(t, 'o')),
        c: times.map((t) => row(t, 'c')),
        h: times.map((t) => Array.from(hSeq.data.slice(t * H, (t + 1) * H))),
      },
    };
  } catch (error) {
    return { status: 'error', message: describe(error) };
  }
}

/** Exercise 06: the learner's `rnnGradientNorms` and `lstmGradientNorms` on the chart's sequence and weights. */
export async function learnerGradientNorms(
  sandbox: BrowserSandbox,
  source: string,
  x: WireValue,
  rnnParams: WireValue,
  lstmParams: WireValue,
): Promise<{ status: 'ok'; rnn: number[]; lstm: number[] } | { status: 'error'; message: string }> {
  const outcome = await runLearnerCalls(
    sandbox,
    source,
    [
      { entry: 'rnnGradientNorms', args: [x, rnnParams] },
      { entry: 'lstmGradientNorms', args: [x, lstmParams] },
    ],
    await limitsOf('06-gradient-flow'),
  );
  if (outcome.kind === 'compile-error') return { status: 'error', message: formatCompileErrors(outcome.errors) };
  const [rnn, lstm] = outcome.results.map((r, k) => {
    const failure = failureOf(r);
    if (failure || !r.ok) return failure ?? 'no value';
    if (r.value.kind !== 'tensor') return `${k === 0 ? 'rnnGradientNorms' : 'lstmGradientNorms'} did not return a tensor`;
    return Array.from(r.value.data);
  });
  if (typeof rnn === 'string') return { status: 'error', message: rnn };
  if (typeof lstm === 'string') return { status: 'error', message: lstm };
  return { status: 'ok', rnn, lstm };
}
