// Plain nested-array types for the float64 test implementations (no tfjs anywhere in plain-js/).

/** Row-major matrix: m[row][col]. */
export type Matrix = number[][];
/** Batch-major sequence: s[b][t][k]. */
export type Sequence = number[][][];

/** Weights of a recurrent layer in the Keras layout, as nested arrays. */
export interface PlainWeights {
  kernel: Matrix; // [I][gH]
  recurrentKernel: Matrix; // [H][gH]
  bias: number[]; // [gH]
}

/** GRU weights: two bias rows (input, recurrent). */
export interface PlainGruWeights {
  kernel: Matrix; // [I][3H]
  recurrentKernel: Matrix; // [H][3H]
  bias: [number[], number[]]; // [2][3H]
}

export const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));

/** zeros(rows, cols) */
export function zeros(rows: number, cols: number): Matrix {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}

/** Sum over k of a[k] * m[k][col], for one column of a row-major matrix. */
export function dotColumn(a: number[], m: Matrix, col: number): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k] * m[k][col];
  return s;
}
