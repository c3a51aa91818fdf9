// Numeric comparison of a learner's tensor with the reference: shapes, NaN/Inf, elementwise and per-block norms.
import type { GateBlock, WorstElement } from './result';
import { shapeSize } from './values';

/** Elementwise `|a − b| ≤ atol + rtol·|b|`, and per tensor (per gate block) `‖a − b‖ ≤ normRtol·‖b‖ + atol·√n`. */
export interface Tolerance {
  kind: 'linear';
  atol: number;
  rtol: number;
  /** Relative bound on the error norm of a whole tensor or gate block (architecture.md: 1e-3). */
  normRtol: number;
}

/** Comparison of magnitudes on a log scale: `|log10|a| − log10|b|| ≤ maxLog10Error` (gradient norms through time). */
export interface LogTolerance {
  kind: 'log';
  maxLog10Error: number;
  /** Magnitudes below this count as this value, so exact zeros compare. */
  floor: number;
}

/** float32 forward pass (architecture.md). */
export const FORWARD_TOLERANCE: Tolerance = { kind: 'linear', atol: 1e-5, rtol: 1e-4, normRtol: 1e-3 };
/** Gradients (architecture.md): never purely relative, so tiny-but-wrong gradients fail. */
export const GRADIENT_TOLERANCE: Tolerance = { kind: 'linear', atol: 2e-5, rtol: 1e-3, normRtol: 1e-3 };
/** Quantities spanning orders of magnitude: within 0.05 decades (≈ 12 %). */
export const LOG_SCALE_TOLERANCE: LogTolerance = { kind: 'log', maxLog10Error: 0.05, floor: 1e-30 };

/** Fused gate layout along the last axis: LSTM i,f,g,o (4H) or GRU z,r,h (3H). */
export type GateLayout = 'lstm' | 'gru';

/** The gate names of each layout, in block order along the last axis. */
export const GATE_ORDER: Record<GateLayout, GateBlock[]> = { lstm: ['i', 'f', 'g', 'o'], gru: ['z', 'r', 'h'] };

/** A tensor as plain numbers. */
export interface NumericTensor {
  shape: readonly number[];
  data: ArrayLike<number>;
}

/** Why a comparison failed, or 'ok'. */
export type ComparisonOutcome = 'ok' | 'shape' | 'non-finite' | 'elementwise' | 'norm';

/** The outcome of comparing one tensor with its expected value. */
export interface TensorComparison {
  outcome: ComparisonOutcome;
  expectedShape: number[];
  actualShape: number[];
  /** First NaN/±Infinity in the actual tensor where the expected one is finite. */
  nonFinite: { index: number[]; value: 'NaN' | 'Infinity' | '-Infinity' } | null;
  /** The element whose error is largest relative to its tolerance. */
  worst: WorstElement | null;
  /** ‖a − b‖ / ‖b‖ of the whole tensor, or of the worst gate block when a layout is given. */
  relativeErrorNorm: number | null;
  /** With a gate layout: the block with the largest error relative to its bound. */
  gateBlock: GateBlock | null;
}

/** Multi-dimensional index of a row-major flat index (`[3, 17]` for 3·W + 17). */
export function unravelIndex(flat: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length).fill(0);
  let rest = flat;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    const dim = shape[axis];
    index[axis] = dim === 0 ? 0 : rest % dim;
    rest = dim === 0 ? 0 : Math.floor(rest / dim);
  }
  return index;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function nonFiniteName(v: number): 'NaN' | 'Infinity' | '-Infinity' {
  return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
}

function emptyComparison(actual: NumericTensor, expected: NumericTensor): TensorComparison {
  return {
    outcome: 'ok',
    expectedShape: [...expected.shape],
    actualShape: [...actual.shape],
    nonFinite: null,
    worst: null,
    relativeErrorNorm: null,
    gateBlock: null,
  };
}

/** Checks shapes and finds the first non-finite actual value where the expected one is finite. */
function checkShapeAndFinite(actual: NumericTensor, expected: NumericTensor, result: TensorComparison): boolean {
  if (!sameShape(actual.shape, expected.shape) || actual.data.length !== shapeSize(expected.shape)) {
    result.outcome = 'shape';
    return false;
  }
  for (let k = 0; k < actual.data.length; k++) {
    const a = actual.data[k];
    if (!Number.isFinite(a) && Number.isFinite(expected.data[k])) {
      result.outcome = 'non-finite';
      result.nonFinite = { index: unravelIndex(k, expected.shape), value: nonFiniteName(a) };
      return false;
    }
  }
  return true;
}

/**
 * Compares `actual` with `expected` under a linear tolerance. With a gate layout, the norm bound is
 * applied to each gate block of the last axis and the worst block is named.
 */
export function compareTensors(
  actual: NumericTensor,
  expected: NumericTensor,
  tolerance: Tolerance,
  gates?: GateLayout,
): TensorComparison {
  const result = emptyComparison(actual, expected);
  if (!checkShapeAndFinite(actual, expected, result)) return result;

  const n = expected.data.length;
  const lastDim = expected.shape.length > 0 ? expected.shape[expected.shape.length - 1] : 1;
  const blockNames = gates ? GATE_ORDER[gates] : null;
  const blockCount = blockNames && lastDim % blockNames.length === 0 ? blockNames.length : 1;
  const blockWidth = lastDim / blockCount;
  const errSq = new Array<number>(blockCount).fill(0);
  const refSq = new Array<number>(blockCount).fill(0);
  const sizes = new Array<number>(blockCount).fill(0);

  let worstRatio = -1;
  let worstAt = -1;
  let elementwiseOk = true;
  for (let k = 0; k < n; k++) {
    const a = actual.data[k];
    const b = expected.data[k];
    const block = blockCount === 1 ? 0 : Math.floor((k % lastDim) / blockWidth);
    sizes[block]++;
    if (!Number.isFinite(b)) {
      // The reference itself is non-finite: only the identical value matches.
      if (!Object.is(a, b)) {
        elementwiseOk = false;
        worstRatio = Infinity;
        worstAt = k;
      }
      continue;
    }
    const diff = Math.abs(a - b);
    const bound = tolerance.atol + tolerance.rtol * Math.abs(b);
    errSq[block] += diff * diff;
    refSq[block] += b * b;
    const ratio = diff / bound;
    if (ratio > worstRatio) {
      worstRatio = ratio;
      worstAt = k;
    }
    if (diff > bound) elementwiseOk = false;
  }
  if (worstAt >= 0) {
    const b = expected.data[worstAt];
    result.worst = {
      index: unravelIndex(worstAt, expected.shape),
      expected: b,
      actual: actual.data[worstAt],
      tolerance: tolerance.atol + tolerance.rtol * Math.abs(Number.isFinite(b) ? b : 0),
    };
  }

  let normOk = true;
  let worstBlock = 0;
  let worstBlockExcess = -Infinity;
  for (let block = 0; block < blockCount; block++) {
    const errNorm = Math.sqrt(errSq[block]);
    const refNorm = Math.sqrt(refSq[block]);
    const bound = tolerance.normRtol * refNorm + tolerance.atol * Math.sqrt(sizes[block]);
    if (errNorm > bound) normOk = false;
    const excess = bound > 0 ? errNorm / bound : errNorm > 0 ? Infinity : 0;
    if (excess > worstBlockExcess) {
      worstBlockExcess = excess;
      worstBlock = block;
    }
  }
  const relNorm = (block: number) => {
    const refNorm = Math.sqrt(refSq[block]);
    const errNorm = Math.sqrt(errSq[block]);
    return refNorm > 0 ? errNorm / refNorm : errNorm > 0 ? Infinity : 0;
  };
  const overall = blockCount === 1 ? relNorm(0) : relNorm(worstBlock);
  result.relativeErrorNorm = Number.isFinite(overall) ? overall : null;
  if (blockNames && blockCount > 1) result.gateBlock = blockNames[worstBlock];

  if (!elementwiseOk) result.outcome = 'elementwise';
  else if (!normOk) result.outcome = 'norm';
  if (result.outcome === 'ok') result.gateBlock = null;
  return result;
}

/** Compares magnitudes on a log10 scale (for gradient norms through time); signs must agree. */
export function compareLogScale(actual: NumericTensor, expected: NumericTensor, tolerance: LogTolerance): TensorComparison {
  const result = emptyComparison(actual, expected);
  if (!checkShapeAndFinite(actual, expected, result)) return result;
  const log = (v: number) => Math.log10(Math.max(Math.abs(v), tolerance.floor));
  let worstErr = -1;
  let worstAt = -1;
  let errSq = 0;
  let refSq = 0;
  for (let k = 0; k < expected.data.length; k++) {
    const a = actual.data[k];
    const b = expected.data[k];
    const signsDisagree = Math.sign(a) !== Math.sign(b) && Math.abs(a) > tolerance.floor && Math.abs(b) > tolerance.floor;
    const err = signsDisagree ? Infinity : Math.abs(log(a) - log(b));
    errSq += (a - b) * (a - b);
    refSq += b * b;
    if (err > worstErr) {
      worstErr = err;
      worstAt = k;
    }
  }
  if (worstAt >= 0) {
    result.worst = {
      index: unravelIndex(worstAt, expected.shape),
      expected: expected.data[worstAt],
      actual: actual.data[worstAt],
      tolerance: tolerance.maxLog10Error,
    };
    if (worstErr > tolerance.maxLog10Error) result.outcome = 'elementwise';
  }
  const rel = refSq > 0 ? Math.sqrt(errSq / refSq) : null;
  result.relativeErrorNorm = rel !== null && Number.isFinite(rel) ? rel : null;
  return result;
}
