// Our wasm BatchMatMul against the cpu backend: all transpose flags, odd shapes, batches, broadcasting, gradients.
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

type Case = { name: string; a: number[]; b: number[]; transposeA: boolean; transposeB: boolean };

/** Builds operand shapes for an [outerA…, M, K] · [outerB…, K, N] product stored according to the flags. */
function product(
  name: string,
  outerA: number[],
  outerB: number[],
  [m, k, n]: [number, number, number],
  transposeA: boolean,
  transposeB: boolean,
): Case {
  const a = [...outerA, ...(transposeA ? [k, m] : [m, k])];
  const b = [...outerB, ...(transposeB ? [n, k] : [k, n])];
  return { name: `${name} tA=${transposeA} tB=${transposeB}`, a, b, transposeA, transposeB };
}

const FLAGS: Array<[boolean, boolean]> = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
];

const CASES: Case[] = FLAGS.flatMap(([tA, tB]) => [
  product('unbatched odd 7x13·13x5', [], [], [7, 13, 5], tA, tB),
  product('unbatched 1x9·9x1', [], [], [1, 9, 1], tA, tB),
  product('unbatched 33x65·65x17', [], [], [33, 65, 17], tA, tB),
  product('batched 3 small', [3], [3], [4, 6, 5], tA, tB),
  product('batched 2 large', [2], [2], [19, 37, 23], tA, tB),
  product('broadcast b [3]·[]', [3], [], [5, 7, 6], tA, tB),
  product('broadcast a []·[3]', [], [3], [5, 7, 6], tA, tB),
  product('broadcast a [1]·[4] large', [1], [4], [20, 24, 21], tA, tB),
  product('broadcast rank 4 [2,1]·[1,3]', [2, 1], [1, 3], [3, 5, 4], tA, tB),
  product('broadcast rank 4 large [2,3]·[3]', [2, 3], [3], [17, 19, 18], tA, tB),
]);

/** Batch dims made explicit (tf.broadcastTo), so the cpu result does not depend on its own broadcasting. */
function explicitMatMul(a: tf.Tensor, b: tf.Tensor, transposeA: boolean, transposeB: boolean): tf.Tensor {
  const outer = tf.broadcast_util.assertAndGetBroadcastShape(a.shape.slice(0, -2), b.shape.slice(0, -2));
  const aFull = tf.broadcastTo(a, [...outer, ...a.shape.slice(-2)]);
  const bFull = tf.broadcastTo(b, [...outer, ...b.shape.slice(-2)]);
  return tf.matMul(aFull, bFull, transposeA, transposeB);
}

describe('wasm BatchMatMul (fast path) matches cpu', () => {
  beforeAll(startWasmWithFixes);

  it.each(CASES)('forward: $name', async ({ a, b, transposeA, transposeB }) => {
    const run = () =>
      tf.tidy(() => {
        const out = tf.matMul(seededTensor(a, 1), seededTensor(b, 2), transposeA, transposeB);
        return { shape: out.shape, values: out.dataSync().slice() };
      });
    const want = await onBackend('cpu', () =>
      tf.tidy(() => {
        const out = explicitMatMul(seededTensor(a, 1), seededTensor(b, 2), transposeA, transposeB);
        return { shape: out.shape, values: out.dataSync().slice() };
      }),
    );
    const got = await onBackend('wasm', run);
    expect(got.shape).toEqual(want.shape);
    expectClose(got.values, want.values, FORWARD_TOL, 'matMul');
  });

  // tfjs-core's BatchMatMul gradient does not reduce broadcast batch dims (it throws on cpu too): equal batches only.
  const GRADIENT_CASES = CASES.filter((c) => c.a.length === c.b.length && c.a.slice(0, -2).join() === c.b.slice(0, -2).join());

  it.each(GRADIENT_CASES)('gradients of a and b: $name', async ({ a, b, transposeA, transposeB }) => {
    // Weighting the output makes each element's gradient distinct; the backward pass runs transposed products.
    const grads = () =>
      tf.tidy(() => {
        const aT = seededTensor(a, 3);
        const bT = seededTensor(b, 4);
        const outShape = tf.matMul(aT, bT, transposeA, transposeB).shape;
        const weights = seededTensor(outShape, 5);
        const [da, db] = tf.grads((x: tf.Tensor, y: tf.Tensor) =>
          tf.sum(tf.mul(tf.matMul(x, y, transposeA, transposeB), weights)),
        )([aT, bT]);
        return [da.dataSync().slice(), db.dataSync().slice()];
      });
    const want = await onBackend('cpu', grads);
    const got = await onBackend('wasm', grads);
    expectClose(got[0], want[0], GRADIENT_TOL, 'd/da');
    expectClose(got[1], want[1], GRADIENT_TOL, 'd/db');
  });

  it('leaks no tensor and no wasm buffer', async () => {
    await onBackend('wasm', () => undefined);
    tf.env().set('IS_TEST', true); // the engine then also checks each kernel for leaked data ids
    const inputs = CASES.map(({ a, b }) => [seededTensor(a, 6), seededTensor(b, 7)] as const);
    const before = memorySnapshot();
    CASES.forEach(({ transposeA, transposeB }, i) => {
      tf.matMul(inputs[i][0], inputs[i][1], transposeA, transposeB).dispose();
    });
    expect(memorySnapshot()).toEqual(before);
    tf.env().set('IS_TEST', false);
    inputs.forEach(([x, y]) => tf.dispose([x, y]));
  });

  it('raises the stock error for int32 operands', async () => {
    await onBackend('wasm', () => {
      const x = tf.ones([2, 2], 'int32');
      expect(() => tf.engine().runKernel('BatchMatMul', { a: x, b: x }, { transposeA: true, transposeB: false })).toThrow(
        /non-float32/,
      );
      x.dispose();
    });
  });
});
