// The learner's drafts of exercises 01, 02 and 06 run in the grader's sandbox on the lab's weights and inputs,
// read back into the shapes the lab's widgets draw beside the reference.
import { formatCompileErrors } from '../grader/compile';
import { runLearnerCalls, type CallLimits, type LearnerCall, type LearnerCallResult } from '../grader/run-calls';
import type { Sandbox } from '../grader/sandbox';
import { recordValue, tensorToValue, tensorValue, type WireValue } from '../grader/values';
import { tf } from '../tfjs';
import { gradientFlowInput, gradientFlowLstmParams, gradientFlowRnnParams, type GradientFlowSettings } from './gradient-flow';
import type { LabWeights } from './lab-weights';
import type { LstmTrace } from './trace-reading';

/** Per step and unit [T][H], what the learner's code gave for each gate, the cell and the hidden state. */
export type LearnerTraceValues = Record<'i' | 'f' | 'g' | 'o' | 'c' | 'h', number[][]>;

/** The learner's side of the gate inspector: no draft to run, why it could not be read, or its values. */
export type LearnerTrace = { status: 'no-draft' } | { status: 'error'; message: string } | { status: 'ok'; values: LearnerTraceValues };

/** The learner's gradient norms through time for the RNN and the LSTM, or why there are none. */
export type LearnerGradientNorms = { status: 'ok'; rnn: number[]; lstm: number[] } | { status: 'error'; message: string };

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
export async function learnerCellSteps(sandbox: Sandbox, source: string, w: LabWeights, reference: LstmTrace, limits: CallLimits): Promise<LearnerTrace> {
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
  const outcome = await runLearnerCalls(sandbox, source, calls, limits);
  if (outcome.kind === 'compile-error') return { status: 'error', message: formatCompileErrors(outcome.errors) };
  try {
    const rows: LearnerTraceValues = { i: [], f: [], g: [], o: [], c: [], h: [] };
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
export async function learnerForward(sandbox: Sandbox, source: string, w: LabWeights, inputs: number[], limits: CallLimits): Promise<LearnerTrace> {
  const H = w.recurrentKernel.length;
  const T = inputs.length;
  const call: LearnerCall = { entry: 'lstmForward', args: [tensorValue([1, T, 1], inputs), lstmParamsValue(w), { kind: 'null' }] }; // x [1, T, 1]
  const outcome = await runLearnerCalls(sandbox, source, [call], limits);
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

/** The gradient-flow chart's sequence and weights as the learner's arguments (x, p). */
function gradientFlowArguments(settings: GradientFlowSettings): { x: WireValue; rnn: WireValue; lstm: WireValue } {
  const x = gradientFlowInput(settings); // [1, T, I]
  const rnn = gradientFlowRnnParams(settings);
  const lstm = gradientFlowLstmParams(settings);
  const asRecord = (p: { kernel: tf.Tensor; recurrentKernel: tf.Tensor; bias: tf.Tensor }) =>
    recordValue({ kernel: tensorToValue(p.kernel), recurrentKernel: tensorToValue(p.recurrentKernel), bias: tensorToValue(p.bias) });
  try {
    return { x: tensorToValue(x), rnn: asRecord(rnn), lstm: asRecord(lstm) };
  } finally {
    tf.dispose([x, rnn.kernel, rnn.recurrentKernel, rnn.bias, lstm.kernel, lstm.recurrentKernel, lstm.bias]);
  }
}

/** Exercise 06: the learner's `rnnGradientNorms` and `lstmGradientNorms` on the chart's sequence and weights. */
export async function learnerGradientNorms(sandbox: Sandbox, source: string, settings: GradientFlowSettings, limits: CallLimits): Promise<LearnerGradientNorms> {
  const args = gradientFlowArguments(settings);
  const outcome = await runLearnerCalls(
    sandbox,
    source,
    [
      { entry: 'rnnGradientNorms', args: [args.x, args.rnn] },
      { entry: 'lstmGradientNorms', args: [args.x, args.lstm] },
    ],
    limits,
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
