// Walks a returned value against the expected one (records, lists, tensors) and reports the first mismatch.
import { compareLogScale, compareTensors, type GateLayout, type LogTolerance, type NumericTensor, type Tolerance, type TensorComparison } from './compare';
import { describeValue, type WireValue } from './values';

/** How one leaf tensor is compared. */
export interface LeafRule {
  tolerance: Tolerance | LogTolerance;
  gates?: GateLayout;
  /** The parameter this tensor is the gradient of, if it is one. */
  gradientOf?: string;
}

/** The first place where the returned value differs from the expected one. */
export type ValueMismatch =
  | { kind: 'structure'; path: string; expected: string; actual: string }
  | { kind: 'value'; path: string; expected: string; actual: string }
  | { kind: 'tensor'; path: string; comparison: TensorComparison; rule: LeafRule };

function asNumeric(value: WireValue): NumericTensor | null {
  if (value.kind === 'tensor') return value;
  if (value.kind === 'number') return { shape: [], data: [value.value] };
  return null;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/**
 * Returns the first mismatch between `actual` and `expected` (depth-first, in the expected value's
 * key order), or null when every tensor is within its rule's tolerance.
 */
export function findMismatch(
  actual: WireValue,
  expected: WireValue,
  ruleFor: (path: string) => LeafRule,
  path = '',
): ValueMismatch | null {
  const expectedNumeric = asNumeric(expected);
  if (expectedNumeric) {
    const actualNumeric = asNumeric(actual);
    if (!actualNumeric) return { kind: 'structure', path, expected: describeValue(expected), actual: describeValue(actual) };
    const rule = ruleFor(path);
    const comparison =
      rule.tolerance.kind === 'log'
        ? compareLogScale(actualNumeric, expectedNumeric, rule.tolerance)
        : compareTensors(actualNumeric, expectedNumeric, rule.tolerance, rule.gates);
    return comparison.outcome === 'ok' ? null : { kind: 'tensor', path, comparison, rule };
  }
  if (expected.kind === 'record') {
    if (actual.kind !== 'record') return { kind: 'structure', path, expected: describeValue(expected), actual: describeValue(actual) };
    for (const [key, value] of Object.entries(expected.entries)) {
      const got = actual.entries[key];
      if (got === undefined) {
        return { kind: 'structure', path: join(path, key), expected: describeValue(value), actual: 'nothing (the key is missing)' };
      }
      const mismatch = findMismatch(got, value, ruleFor, join(path, key));
      if (mismatch) return mismatch;
    }
    return null;
  }
  if (expected.kind === 'list') {
    if (actual.kind !== 'list' || actual.items.length !== expected.items.length) {
      return { kind: 'structure', path, expected: describeValue(expected), actual: describeValue(actual) };
    }
    for (let i = 0; i < expected.items.length; i++) {
      const mismatch = findMismatch(actual.items[i], expected.items[i], ruleFor, `${path}[${i}]`);
      if (mismatch) return mismatch;
    }
    return null;
  }
  if (actual.kind !== expected.kind) return { kind: 'structure', path, expected: describeValue(expected), actual: describeValue(actual) };
  const shown = (v: WireValue) => (v.kind === 'null' ? 'null' : JSON.stringify((v as { value: unknown }).value));
  return shown(actual) === shown(expected) ? null : { kind: 'value', path, expected: shown(expected), actual: shown(actual) };
}
