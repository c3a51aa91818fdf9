// Reading an LSTM trace without tfjs (the widgets run on the page): one step's equation in numbers, and where a learner's trace differs.

/** The quantities the inspector draws, each [T][H] (step t, unit k). */
export const TRACE_ROWS = ['i', 'f', 'g', 'o', 'c', 'h'] as const;
export type TraceRow = (typeof TRACE_ROWS)[number];

/** The quantities the GRU view draws, each [T][H]. */
export const GRU_TRACE_ROWS = ['z', 'r', 'hTilde', 'h'] as const;
export type GruTraceRow = (typeof GRU_TRACE_ROWS)[number];

/** An LSTM run over one sequence from a zero state, as plain numbers. */
export interface LstmTrace {
  /** [T][I] */
  inputs: number[][];
  hiddenSize: number;
  /** Gate pre-activations z = x·W + h_{t-1}·U + b, split i, f, g, o; each [T][H]. */
  preActivations: Record<'i' | 'f' | 'g' | 'o', number[][]>;
  /** Activations and states, each [T][H]. */
  values: Record<TraceRow, number[][]>;
}

/** Step t of unit k, every number its two update equations use. */
export interface StepEquation {
  /** pre-activations of the four gates */
  zi: number;
  zf: number;
  zg: number;
  zo: number;
  /** i = σ(zi), f = σ(zf), g = tanh(zg), o = σ(zo) */
  i: number;
  f: number;
  g: number;
  o: number;
  /** c_{t-1} (0 at t = 0) */
  cPrev: number;
  /** c_t = f·c_{t-1} + i·g */
  c: number;
  /** tanh(c_t) */
  tanhC: number;
  /** h_t = o·tanh(c_t) */
  h: number;
}

/** The numbers of step t, unit k, read off a trace (or a learner's trace without pre-activations: z = NaN). */
export function stepEquation(trace: Pick<LstmTrace, 'values'> & { preActivations?: LstmTrace['preActivations'] }, t: number, k: number): StepEquation {
  const v = trace.values;
  const z = trace.preActivations;
  return {
    zi: z ? z.i[t][k] : NaN,
    zf: z ? z.f[t][k] : NaN,
    zg: z ? z.g[t][k] : NaN,
    zo: z ? z.o[t][k] : NaN,
    i: v.i[t][k],
    f: v.f[t][k],
    g: v.g[t][k],
    o: v.o[t][k],
    cPrev: t > 0 ? v.c[t - 1][k] : 0,
    c: v.c[t][k],
    tanhC: Math.tanh(v.c[t][k]),
    h: v.h[t][k],
  };
}

/** Where two traces of the same run disagree: per row, the cells [t, k] outside the tolerance and the worst gap. */
export interface TraceDifference {
  row: TraceRow;
  /** cells [t, k] with |a − b| > atol + rtol·|b| (or NaN on either side) */
  cells: Array<[number, number]>;
  worst: number;
}

/**
 * The grader's forward tolerance, elementwise part (FORWARD_TOLERANCE in lib/grader/compare.ts; a test
 * keeps them equal): |a − b| ≤ 1e-5 + 1e-4·|b|. Not imported: compare.ts pulls zod into the page.
 */
export const TRACE_TOLERANCE = { atol: 1e-5, rtol: 1e-4 };

/**
 * Compares a learner's values with the reference's, cell by cell; a learner trace shorter or
 * narrower than the reference counts every missing cell as different.
 */
export function compareTraces(learner: Record<TraceRow, number[][]>, reference: Record<TraceRow, number[][]>): TraceDifference[] {
  return TRACE_ROWS.map((row) => {
    const cells: Array<[number, number]> = [];
    let worst = 0;
    reference[row].forEach((refStep, t) => {
      refStep.forEach((want, k) => {
        const got = learner[row]?.[t]?.[k];
        const gap = typeof got === 'number' ? Math.abs(got - want) : Infinity;
        if (!(gap <= TRACE_TOLERANCE.atol + TRACE_TOLERANCE.rtol * Math.abs(want))) cells.push([t, k]);
        if (!(gap <= worst)) worst = Number.isNaN(gap) ? Infinity : gap;
      });
    });
    return { row, cells, worst };
  });
}
