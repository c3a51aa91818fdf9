// The inspector's numbers against lstmForward's caches, the equations they fill in, and the learner/reference diff.
import { beforeAll, describe, expect, it } from 'vitest';
import { traceLstm } from '@/lib/lab/gate-trace';
import { FORWARD_TOLERANCE } from '@/lib/grader/compare';
import { compareTraces, stepEquation, TRACE_ROWS, TRACE_TOLERANCE, type TraceRow } from '@/lib/lab/trace-reading';
import { createRng, disposeLstmCache, initLstmParams, lstmForward } from '@/lib/lstm';
import { tf } from '@/lib/tfjs';
import { useBackend } from '../lstm/backends';

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

describe('traceLstm', () => {
  beforeAll(() => useBackend('wasm'));

  it('records the same gates, cells and hidden states as lstmForward, step by step', () => {
    const p = initLstmParams({ inputSize: 2, hiddenSize: 5, seed: 3, unitForgetBias: true });
    const rng = createRng(4);
    const inputs = Array.from({ length: 9 }, () => [rng.uniform(-2, 2), rng.uniform(-2, 2)]);
    const trace = traceLstm(p, inputs);

    const x = tf.tensor3d([inputs]); // [1, T, 2]
    const run = lstmForward(x, p);
    const fromForward: Record<TraceRow, number[][]> = {
      i: run.cache.steps.map((s) => Array.from(s.i.dataSync())),
      f: run.cache.steps.map((s) => Array.from(s.f.dataSync())),
      g: run.cache.steps.map((s) => Array.from(s.g.dataSync())),
      o: run.cache.steps.map((s) => Array.from(s.o.dataSync())),
      c: run.cache.steps.map((s) => Array.from(s.c.dataSync())),
      h: (run.hSeq.arraySync() as number[][][])[0],
    };
    for (const row of TRACE_ROWS) {
      expect(trace.values[row]).toHaveLength(9);
      trace.values[row].forEach((step, t) =>
        step.forEach((v, k) => expect(Math.abs(v - fromForward[row][t][k]), `${row}[${t}][${k}]`).toBeLessThan(1e-5 + 1e-4 * Math.abs(v))),
      );
    }
    expect(compareTraces(trace.values, fromForward).every((d) => d.cells.length === 0)).toBe(true);
    tf.dispose([x, run.hSeq, run.hT, run.cT, p.kernel, p.recurrentKernel, p.bias]);
    disposeLstmCache(run.cache);
  });

  it("outlines differences with the grader's forward tolerance", () => {
    expect(TRACE_TOLERANCE).toEqual({ atol: FORWARD_TOLERANCE.atol, rtol: FORWARD_TOLERANCE.rtol });
  });

  it('fills in each step equation with numbers that satisfy it', () => {
    const p = initLstmParams({ inputSize: 1, hiddenSize: 3, seed: 5 });
    const trace = traceLstm(p, [[1], [0], [1], [1]]);
    for (let t = 0; t < 4; t++) {
      for (let k = 0; k < 3; k++) {
        const e = stepEquation(trace, t, k);
        expect(e.i).toBeCloseTo(sigmoid(e.zi), 5);
        expect(e.f).toBeCloseTo(sigmoid(e.zf), 5);
        expect(e.g).toBeCloseTo(Math.tanh(e.zg), 5);
        expect(e.o).toBeCloseTo(sigmoid(e.zo), 5);
        expect(e.c).toBeCloseTo(e.f * e.cPrev + e.i * e.g, 5);
        expect(e.h).toBeCloseTo(e.o * e.tanhC, 5);
        expect(e.cPrev).toBe(t === 0 ? 0 : trace.values.c[t - 1][k]);
      }
    }
    tf.dispose([p.kernel, p.recurrentKernel, p.bias]);
  });

  it('rejects steps of the wrong width', () => {
    const p = initLstmParams({ inputSize: 1, hiddenSize: 2, seed: 1 });
    expect(() => traceLstm(p, [[1, 2]])).toThrow('every step needs 1 input value(s)');
    expect(() => traceLstm(p, [])).toThrow('no step');
    tf.dispose([p.kernel, p.recurrentKernel, p.bias]);
  });
});

describe('compareTraces', () => {
  const reference = Object.fromEntries(TRACE_ROWS.map((r) => [r, [[0.5, -0.25], [0.1, 1]]])) as Record<TraceRow, number[][]>;

  it('marks each cell outside the forward tolerance, a missing step and NaN', () => {
    const learner = structuredClone(reference);
    learner.f[1][0] = 0.1 + 1e-3;
    learner.c[0][1] = NaN;
    learner.h = [[0.5, -0.25]];
    learner.i[0][0] = 0.5 + 1e-6; // inside the tolerance
    const diff = Object.fromEntries(compareTraces(learner, reference).map((d) => [d.row, d]));
    expect(diff.i.cells).toEqual([]);
    expect(diff.f.cells).toEqual([[1, 0]]);
    expect(diff.f.worst).toBeCloseTo(1e-3, 6);
    expect(diff.c.cells).toEqual([[0, 1]]);
    expect(diff.c.worst).toBe(Infinity);
    expect(diff.h.cells).toEqual([[1, 0], [1, 1]]);
  });
});
