// Our in-place wasm Slice, Unpack and SplitV against the cpu backend: ranks, dtypes, axes, leaks.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, GRADIENT_TOL, memorySnapshot, onBackend, seededTensor, startWasmWithFixes } from './helpers';

type Result = { shape: number[]; dtype: string; values: number[] };
const plain = (t: tf.Tensor): Result => ({ shape: t.shape, dtype: t.dtype, values: Array.from(t.dataSync()) });

/** Runs `fn` on cpu then on wasm and expects identical shapes, dtypes and values (slicing is exact). */
async function expectSameOnBothBackends(fn: () => tf.Tensor | tf.Tensor[]): Promise<void> {
  const run = () => tf.tidy(() => [fn()].flat().map(plain));
  const want = await onBackend('cpu', run);
  const got = await onBackend('wasm', run);
  expect(got).toEqual(want);
}

const SLICES: Array<{ name: string; shape: number[]; begin: number[]; size: number[] }> = [
  { name: 'rank 1', shape: [11], begin: [3], size: [5] },
  { name: 'rank 2 rows (contiguous)', shape: [7, 5], begin: [2, 0], size: [3, 5] },
  { name: 'rank 2 columns (strided)', shape: [7, 5], begin: [1, 2], size: [4, 2] },
  { name: 'rank 3 middle box', shape: [4, 6, 5], begin: [1, 2, 1], size: [2, 3, 3] },
  { name: 'rank 3 size -1', shape: [4, 6, 5], begin: [0, 3, 2], size: [-1, -1, 2] },
  { name: 'rank 4', shape: [3, 4, 5, 2], begin: [1, 1, 0, 1], size: [2, 2, 5, 1] },
  { name: 'rank 5', shape: [2, 3, 2, 4, 3], begin: [1, 0, 1, 1, 0], size: [1, 3, 1, 2, 2] },
  { name: 'empty', shape: [4, 3], begin: [1, 0], size: [0, 3] },
];

describe('wasm Slice, Unpack and SplitV match cpu', () => {
  beforeAll(startWasmWithFixes);

  it.each(SLICES)('slice: $name', async ({ shape, begin, size }) => {
    await expectSameOnBothBackends(() => tf.slice(seededTensor(shape, 41), begin, size));
  });

  it('slice keeps int32 and bool dtypes', async () => {
    await expectSameOnBothBackends(() => [
      tf.slice(tf.range(0, 24, 1, 'int32').reshape([4, 6]), [1, 2], [2, 3]),
      tf.slice(tf.tensor2d([[true, false, true], [false, true, true]], [2, 3], 'bool'), [0, 1], [2, 2]),
    ]);
  });

  it.each([0, 1, 2, -1])('unstack along axis %i', async (axis) => {
    await expectSameOnBothBackends(() => tf.unstack(seededTensor([3, 4, 5], 42), axis));
  });

  it.each([
    { name: 'four equal gate blocks', shape: [6, 8], split: 4 as number | number[], axis: 1 },
    { name: 'uneven sizes with -1', shape: [5, 7, 3], split: [2, -1, 1], axis: 1 },
    { name: 'along the first axis', shape: [6, 4], split: [1, 5], axis: 0 },
    { name: 'along the last axis, rank 3', shape: [2, 3, 6], split: 3, axis: -1 },
  ])('split: $name', async ({ shape, split, axis }) => {
    await expectSameOnBothBackends(() => tf.split(seededTensor(shape, 43), split, axis));
  });

  it('gradients through unstack, split and slice', async () => {
    const grad = () =>
      tf.tidy(() => {
        const weights = seededTensor([2, 5], 44);
        const dx = tf.grad((x: tf.Tensor) => {
          const steps = tf.unstack(x, 1); // 4 × [2, 5]
          const [left, right] = tf.split(steps[1], [2, 3], 1);
          return tf.sum(tf.mul(steps[3], weights)).add(tf.sum(left)).sub(tf.sum(tf.slice(right, [0, 1], [2, 2])));
        })(seededTensor([2, 4, 5], 45));
        return dx.dataSync().slice();
      });
    const want = await onBackend('cpu', grad);
    const got = await onBackend('wasm', grad);
    expectClose(got, want, GRADIENT_TOL, 'd/dx');
  });

  it('leaks no tensor and no wasm buffer', async () => {
    await onBackend('wasm', () => undefined);
    tf.env().set('IS_TEST', true);
    const x = seededTensor([3, 4, 6], 46);
    const before = memorySnapshot();
    tf.dispose([tf.slice(x, [0, 1, 2], [2, 2, 3]), ...tf.unstack(x, 1), ...tf.split(x, [2, 4], 2)]);
    expect(memorySnapshot()).toEqual(before);
    tf.env().set('IS_TEST', false);
    x.dispose();
  });
});
