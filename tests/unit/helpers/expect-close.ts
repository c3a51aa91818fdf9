// Test helper: compare numbers, nested arrays or tensors with the project's tolerances (docs/architecture.md).
import { expect } from 'vitest';

/** Anything with numbers in it: a tfjs tensor (anything with dataSync/shape), a typed array, nested arrays, a number. */
export type Numeric = number | ArrayLike<number> | ReadonlyArray<Numeric> | { dataSync(): ArrayLike<number>; shape: number[] };

export interface Tolerance {
  atol: number;
  rtol: number;
}

/** float32 forward values. */
export const FORWARD_TOLERANCE: Tolerance = { atol: 1e-5, rtol: 1e-4 };
/** float32 gradients. */
export const GRADIENT_TOLERANCE: Tolerance = { atol: 2e-5, rtol: 1e-3 };

function isTensorLike(v: unknown): v is { dataSync(): ArrayLike<number>; shape: number[] } {
  return typeof v === 'object' && v !== null && 'dataSync' in v && 'shape' in v;
}

/** Flattens to a number[] and reports the shape (nested arrays must be rectangular). */
export function flatten(value: Numeric): { values: number[]; shape: number[] } {
  if (typeof value === 'number') return { values: [value], shape: [] };
  if (isTensorLike(value)) return { values: Array.from(value.dataSync()), shape: [...value.shape] };
  const items = Array.from(value as ArrayLike<Numeric>);
  if (items.length === 0) return { values: [], shape: [0] };
  const parts = items.map((item) => flatten(item));
  const inner = parts[0].shape;
  for (const p of parts) {
    if (p.shape.join() !== inner.join()) throw new Error(`ragged array: [${p.shape}] vs [${inner}]`);
  }
  return { values: parts.flatMap((p) => p.values), shape: [items.length, ...inner] };
}

function norm(values: number[]): number {
  return Math.sqrt(values.reduce((s, v) => s + v * v, 0));
}

/**
 * Asserts `|a − e| ≤ atol + rtol·|e|` for every element, the whole-tensor criterion
 * `‖a − e‖ ≤ 1e-3·‖e‖ + atol·√n` and, with `blocks`, the same norm criterion on each of `blocks`
 * equal slices of the last axis (per gate for LSTM parameters), so tiny-but-wrong blocks fail.
 */
export function expectClose(
  actual: Numeric,
  expected: Numeric,
  tolerance: Tolerance,
  options: { label?: string; blocks?: number } = {},
): void {
  const label = options.label ?? 'value';
  const a = flatten(actual);
  const e = flatten(expected);
  expect(a.shape, `${label}: shape`).toEqual(e.shape);
  const { atol, rtol } = tolerance;
  let worst = -1;
  let worstExcess = 0;
  for (let k = 0; k < e.values.length; k++) {
    const diff = Math.abs(a.values[k] - e.values[k]);
    const excess = Number.isNaN(diff) ? Infinity : diff - (atol + rtol * Math.abs(e.values[k]));
    if (excess > worstExcess) {
      worstExcess = excess;
      worst = k;
    }
  }
  if (worst >= 0) {
    expect.fail(`${label}: element ${worst} is ${a.values[worst]}, expected ${e.values[worst]} (atol ${atol}, rtol ${rtol})`);
  }
  const checkNorm = (got: number[], want: number[], what: string) => {
    const diff = norm(got.map((v, k) => v - want[k]));
    const bound = 1e-3 * norm(want) + atol * Math.sqrt(want.length);
    if (!(diff <= bound)) expect.fail(`${label}${what}: ‖got − want‖ = ${diff} > ${bound}`);
  };
  checkNorm(a.values, e.values, '');
  if (options.blocks) {
    const last = e.shape[e.shape.length - 1];
    const width = last / options.blocks;
    for (let block = 0; block < options.blocks; block++) {
      const pick = (values: number[]) => values.filter((_, k) => Math.floor((k % last) / width) === block);
      checkNorm(pick(a.values), pick(e.values), ` (block ${block})`);
    }
  }
}
