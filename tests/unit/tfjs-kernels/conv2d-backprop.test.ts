// Our wasm Conv2DBackpropFilter and Conv2DBackpropInput against the cpu backend: strides, paddings, conv1d, leaks.
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

type Pad = 'valid' | 'same' | number | [[number, number], [number, number], [number, number], [number, number]];
type Conv2DCase = { name: string; x: number[]; filter: number[]; strides: number | [number, number]; pad: Pad };

const CONV2D_CASES: Conv2DCase[] = [
  { name: 'valid, stride 1, odd sizes', x: [2, 7, 9, 3], filter: [3, 2, 3, 4], strides: 1, pad: 'valid' },
  { name: 'same, stride 1', x: [2, 6, 5, 2], filter: [3, 3, 2, 5], strides: 1, pad: 'same' },
  { name: 'same, stride 2 (uneven padding)', x: [3, 8, 7, 2], filter: [3, 3, 2, 3], strides: 2, pad: 'same' },
  { name: 'valid, strides [2, 1]', x: [1, 9, 6, 1], filter: [2, 3, 1, 2], strides: [2, 1], pad: 'valid' },
  { name: 'numeric pad 1', x: [2, 5, 5, 3], filter: [3, 3, 3, 2], strides: 1, pad: 1 },
  {
    name: 'explicit asymmetric padding',
    x: [1, 6, 7, 2],
    filter: [2, 3, 2, 3],
    strides: [1, 2],
    pad: [[0, 0], [1, 0], [2, 1], [0, 0]],
  },
  { name: '1x1 filter, batch 1', x: [1, 4, 4, 6], filter: [1, 1, 6, 7], strides: 1, pad: 'valid' },
];

describe('wasm Conv2DBackpropFilter and Conv2DBackpropInput match cpu', () => {
  beforeAll(startWasmWithFixes);

  it.each(CONV2D_CASES)('conv2d gradients (filter and input): $name', async ({ x, filter, strides, pad }) => {
    const grads = () =>
      tf.tidy(() => {
        const xT = seededTensor(x, 21) as tf.Tensor4D;
        const fT = seededTensor(filter, 22) as tf.Tensor4D;
        const outShape = tf.conv2d(xT, fT, strides, pad).shape;
        const weights = seededTensor(outShape, 23);
        const [dx, df] = tf.grads((a: tf.Tensor, f: tf.Tensor) =>
          tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, f as tf.Tensor4D, strides, pad), weights)),
        )([xT, fT]);
        return [dx.dataSync().slice(), df.dataSync().slice()];
      });
    const want = await onBackend('cpu', grads);
    const got = await onBackend('wasm', grads);
    expectClose(got[1], want[1], GRADIENT_TOL, 'd/dfilter');
    expectClose(got[0], want[0], GRADIENT_TOL, 'd/dx');
  });

  it.each([
    { stride: 1, pad: 'valid' as const },
    { stride: 2, pad: 'same' as const },
    { stride: 1, pad: 'causal' as const },
  ])('conv1d gradients (filter and input): stride $stride, $pad', async ({ stride, pad }) => {
    const grads = () =>
      tf.tidy(() => {
        const conv = (x: tf.Tensor, f: tf.Tensor) =>
          pad === 'causal'
            ? tf.conv1d(tf.pad(x as tf.Tensor3D, [[0, 0], [2, 0], [0, 0]]), f as tf.Tensor3D, stride, 'valid')
            : tf.conv1d(x as tf.Tensor3D, f as tf.Tensor3D, stride, pad);
        const xT = seededTensor([3, 11, 2], 24); // [batch, time, channels]
        const fT = seededTensor([3, 2, 5], 25); // [width, in, out]
        const weights = seededTensor(conv(xT, fT).shape, 26);
        const [dx, df] = tf.grads((x: tf.Tensor, f: tf.Tensor) => tf.sum(tf.mul(conv(x, f), weights)))([xT, fT]);
        return [dx.dataSync().slice(), df.dataSync().slice()];
      });
    const want = await onBackend('cpu', grads);
    const got = await onBackend('wasm', grads);
    expectClose(got[1], want[1], GRADIENT_TOL, 'd/dfilter');
    expectClose(got[0], want[0], GRADIENT_TOL, 'd/dx');
  });

  it('both kernels called directly match cpu (dimRoundingMode ceil)', async () => {
    const common = { strides: [2, 2], pad: 0, dataFormat: 'NHWC', dimRoundingMode: 'ceil' };
    const run = () =>
      tf.tidy(() => {
        const x = seededTensor([2, 5, 5, 3], 27);
        const filter = seededTensor([2, 2, 3, 4], 31);
        const dy = seededTensor([2, 3, 3, 4], 28); // ceil((5 - 2) / 2) + 1 = 3
        const dW = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { ...common, filterShape: [2, 2, 3, 4] });
        const dx = tf.engine().runKernel('Conv2DBackpropInput', { dy, filter }, { ...common, inputShape: [2, 5, 5, 3] });
        return [dW, dx].map((t) => ({ shape: (t as tf.Tensor).shape, values: (t as tf.Tensor).dataSync().slice() }));
      });
    const want = await onBackend('cpu', run);
    const got = await onBackend('wasm', run);
    expect(got.map((r) => r.shape)).toEqual([[2, 2, 3, 4], [2, 5, 5, 3]]);
    expectClose(got[0].values, want[0].values, FORWARD_TOL, 'dW');
    expectClose(got[1].values, want[1].values, FORWARD_TOL, 'dx');
  });

  it('Conv2DBackpropInput on channels-first data matches cpu (handed to the stock kernel)', async () => {
    const attrs = { strides: 1, pad: 'same', dataFormat: 'NCHW', inputShape: [2, 3, 5, 4] };
    const run = () =>
      tf.tidy(() => {
        const dy = seededTensor([2, 2, 5, 4], 32); // [N, outC, H, W]
        const filter = seededTensor([3, 3, 3, 2], 33); // [fh, fw, inC, outC]
        return (tf.engine().runKernel('Conv2DBackpropInput', { dy, filter }, attrs) as tf.Tensor).dataSync().slice();
      });
    const want = await onBackend('cpu', run);
    const got = await onBackend('wasm', run);
    expectClose(got, want, FORWARD_TOL, 'dx');
  });

  it('rejects channels-first data with a clear message', async () => {
    await onBackend('wasm', () => {
      const x = tf.zeros([1, 2, 4, 4]);
      const dy = tf.zeros([1, 3, 3, 3]);
      const attrs = { strides: 1, pad: 'valid', dataFormat: 'NCHW', filterShape: [2, 2, 2, 3] };
      expect(() => tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs)).toThrow(/NHWC/);
      tf.dispose([x, dy]);
    });
  });

  it('leaks no tensor and no wasm buffer', async () => {
    await onBackend('wasm', () => undefined);
    tf.env().set('IS_TEST', true);
    const x = seededTensor([2, 6, 5, 2], 29) as tf.Tensor4D;
    const f = seededTensor([3, 3, 2, 4], 30) as tf.Tensor4D;
    const before = memorySnapshot();
    const conv = (a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 2, 'same'));
    tf.dispose(tf.grads(conv)([x, f]));
    expect(memorySnapshot()).toEqual(before);
    tf.env().set('IS_TEST', false);
    tf.dispose([x, f]);
  });
});
