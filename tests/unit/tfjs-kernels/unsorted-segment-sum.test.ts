// Our wasm UnsortedSegmentSum against the cpu backend: forward, the gather (Embedding) gradient it serves, leaks.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  expectClose,
  FORWARD_TOL,
  GRADIENT_TOL,
  memorySnapshot,
  onBackend,
  seededTensor,
  startWasmWithFixes,
} from './helpers';

const CASES = [
  { name: 'rows of 3, repeats and an empty segment', xShape: [6, 3], ids: [2, 0, 2, 3, 0, 2], numSegments: 5 },
  { name: 'rank-1 x', xShape: [7], ids: [1, 1, 0, 4, 4, 4, 2], numSegments: 5 },
  { name: 'rank-3 x, odd sizes', xShape: [5, 3, 7], ids: [0, 3, 3, 1, 0], numSegments: 4 },
  { name: 'ids out of range are dropped', xShape: [4, 2], ids: [-1, 1, 9, 1], numSegments: 3 },
  { name: 'one segment', xShape: [3, 4], ids: [0, 0, 0], numSegments: 1 },
];

describe('wasm UnsortedSegmentSum matches cpu', () => {
  beforeAll(startWasmWithFixes);

  it.each(CASES)('forward: $name', async ({ xShape, ids, numSegments }) => {
    const run = () =>
      tf.tidy(() => {
        const out = tf.unsortedSegmentSum(seededTensor(xShape, 11), tf.tensor1d(ids, 'int32'), numSegments);
        return { shape: out.shape, values: out.dataSync().slice() };
      });
    const want = await onBackend('cpu', run);
    const got = await onBackend('wasm', run);
    expect(got.shape).toEqual(want.shape);
    expectClose(got.values, want.values, FORWARD_TOL, 'unsortedSegmentSum');
  });

  it('sums int32 values exactly and keeps the int32 dtype', async () => {
    const got = await onBackend('wasm', () =>
      tf.tidy(() => {
        const out = tf.unsortedSegmentSum(tf.tensor2d([[1, 2], [3, 4], [5, 6]], [3, 2], 'int32'), [1, 0, 1], 2);
        return { dtype: out.dtype, values: Array.from(out.dataSync()) };
      }),
    );
    expect(got).toEqual({ dtype: 'int32', values: [3, 4, 6, 8] });
  });

  it.each([0, 1])('gradient of gather (an Embedding lookup) along axis %i', async (axis) => {
    const grad = () =>
      tf.tidy(() => {
        const table = seededTensor(axis === 0 ? [9, 6] : [6, 9], 12); // vocab (9) on `axis`
        const indices = tf.tensor2d([[3, 0, 3, 8], [5, 5, 1, 3]], [2, 4], 'int32'); // [batch, time]
        const weights = seededTensor(axis === 0 ? [2, 4, 6] : [6, 2, 4], 13);
        const dTable = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.gather(t, indices, axis), weights)))(table);
        return dTable.dataSync().slice();
      });
    const want = await onBackend('cpu', grad);
    const got = await onBackend('wasm', grad);
    expectClose(got, want, GRADIENT_TOL, 'd/dtable');
  });

  it('gradient of unsortedSegmentSum itself (a gather of dy)', async () => {
    const grad = () =>
      tf.tidy(() => {
        const weights = seededTensor([4, 3], 14);
        const ids = tf.tensor1d([3, 0, 3, 1, 2, 0], 'int32');
        const dx = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(tf.unsortedSegmentSum(x, ids, 4), weights)))(
          seededTensor([6, 3], 15),
        );
        return dx.dataSync().slice();
      });
    const want = await onBackend('cpu', grad);
    const got = await onBackend('wasm', grad);
    expectClose(got, want, GRADIENT_TOL, 'd/dx');
  });

  it('leaks no tensor and no wasm buffer', async () => {
    await onBackend('wasm', () => undefined);
    tf.env().set('IS_TEST', true);
    const x = seededTensor([6, 3], 16);
    const ids = tf.tensor1d([1, 0, 1, 2, 2, 0], 'int32');
    const before = memorySnapshot();
    tf.unsortedSegmentSum(x, ids, 3).dispose();
    tf.grad((t: tf.Tensor) => tf.sum(tf.gather(t, ids)))(x).dispose();
    expect(memorySnapshot()).toEqual(before);
    tf.env().set('IS_TEST', false);
    tf.dispose([x, ids]);
  });
});
