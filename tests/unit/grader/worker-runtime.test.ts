// Pieces of the in-worker runtime: capped console capture, describing thrown values, reading returned values.
import { beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_LIMIT, capOutput } from '@/lib/grader/result';
import { describeThrown, OutputCapture, readReturnedValue, type RuntimeTf } from '@/lib/grader/worker-runtime';
import { ready, tf } from '@/lib/tfjs';

const rtf = tf as unknown as RuntimeTf;

beforeAll(async () => {
  await ready();
});

describe('OutputCapture', () => {
  it('keeps at most OUTPUT_LIMIT characters and counts the rest', () => {
    const capture = new OutputCapture();
    for (let k = 0; k < 10_000; k++) capture.write('x'.repeat(1000));
    const text = capture.take();
    expect(text.startsWith('x'.repeat(OUTPUT_LIMIT))).toBe(true);
    expect(text).toContain(`(${10_000 * 1001 - OUTPUT_LIMIT} more characters)`);
    expect(capture.take()).toBe('');
  });
});

describe('capOutput', () => {
  it('returns short output unchanged and cuts long output to the limit with a note', () => {
    expect(capOutput('hello\n')).toBe('hello\n');
    const cut = capOutput('y'.repeat(2000));
    expect(cut.length).toBeLessThanOrEqual(OUTPUT_LIMIT);
    expect(cut).toMatch(/\(\d+ more characters\)$/);
  });
});

describe('describeThrown', () => {
  it('describes throw null and thrown strings', () => {
    expect(describeThrown(null, 'solution.ts', 0)).toEqual({ name: 'Thrown value', message: 'threw null (not an Error object)', line: null });
    expect(describeThrown('oops', 'solution.ts', 0).message).toBe('threw "oops" (not an Error object)');
  });

  it('takes the line from the learner frame of the stack, shifted by the offset', () => {
    const error = { name: 'TypeError', message: 'bad', stack: 'TypeError: bad\n    at f (solution.ts:12:7)\n    at run (worker.mjs:1:1)' };
    expect(describeThrown(error, 'solution.ts', -2)).toEqual({ name: 'TypeError', message: 'bad', line: 10 });
  });
});

describe('readReturnedValue', () => {
  it('reads tensors, numbers and nested records', () => {
    const h = tf.tensor2d([[1, 2]]);
    const value = readReturnedValue({ h, n: 3, list: [true] }, rtf, { elements: 100 });
    expect(value).toEqual({
      kind: 'record',
      entries: {
        h: { kind: 'tensor', shape: [1, 2], dtype: 'float32', data: Float32Array.from([1, 2]) },
        n: { kind: 'number', value: 3 },
        list: { kind: 'list', items: [{ kind: 'boolean', value: true }] },
      },
    });
    h.dispose();
  });

  it('refuses undefined, typed arrays and outputs beyond the element budget', () => {
    expect(() => readReturnedValue(undefined, rtf, { elements: 10 })).toThrow(/returned undefined/);
    expect(() => readReturnedValue(new Float32Array(2), rtf, { elements: 10 })).toThrow(/return a tf.Tensor/);
    const big = tf.zeros([20]);
    expect(() => readReturnedValue(big, rtf, { elements: 10 })).toThrow(/far larger/);
    big.dispose();
  });
});
