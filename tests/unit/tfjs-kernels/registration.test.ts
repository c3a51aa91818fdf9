// registerWasmKernelFixes / unregisterWasmKernelFixes: idempotent, reversible, and safe across backend switches.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  registerWasmKernelFixes,
  unregisterWasmKernelFixes,
  WASM_KERNEL_FIXES,
  wasmKernelFixesRegistered,
} from '@/lib/tfjs/kernels';
import { ready } from '@/lib/tfjs';
import { onBackend, startWasmWithFixes } from './helpers';

const embeddingGradient = () =>
  tf.tidy(() => {
    const table = tf.ones([4, 2]);
    return tf.grad((t: tf.Tensor) => tf.sum(tf.gather(t, tf.tensor1d([1, 1, 3], 'int32'))))(table).arraySync();
  });

describe('registering the wasm kernel fixes', () => {
  beforeAll(startWasmWithFixes);
  afterAll(registerWasmKernelFixes);

  it('lists the kernels it registers', () => {
    expect([...WASM_KERNEL_FIXES].sort()).toEqual([
      'BatchMatMul',
      'Conv2DBackpropFilter',
      'Conv2DBackpropInput',
      'Slice',
      'SplitV',
      'Unpack',
      'UnsortedSegmentSum',
    ]);
    expect(wasmKernelFixesRegistered()).toBe(true);
  });

  it('is idempotent and silent when called again', () => {
    const warn = vi.spyOn(console, 'warn');
    const before = WASM_KERNEL_FIXES.map((name) => tf.getKernel(name, 'wasm'));
    registerWasmKernelFixes();
    registerWasmKernelFixes();
    expect(WASM_KERNEL_FIXES.map((name) => tf.getKernel(name, 'wasm'))).toEqual(before);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('unregistering restores the stock kernels, registering again brings ours back', async () => {
    await onBackend('wasm', () => undefined);
    const ours = tf.getKernel('BatchMatMul', 'wasm');
    unregisterWasmKernelFixes();
    expect(wasmKernelFixesRegistered()).toBe(false);
    const stock = tf.getKernel('BatchMatMul', 'wasm');
    expect(stock).toBeDefined();
    expect(stock).not.toBe(ours);
    expect(tf.getKernel('UnsortedSegmentSum', 'wasm')).toBeUndefined();
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined();
    expect(embeddingGradient).toThrow(/UnsortedSegmentSum' not registered for backend 'wasm'/);
    expect(tf.tidy(() => tf.matMul([[1, 2]], [[3], [4]], true, true).arraySync())).toEqual([[3, 4], [6, 8]]);

    registerWasmKernelFixes();
    expect(wasmKernelFixesRegistered()).toBe(true);
    expect(tf.getKernel('BatchMatMul', 'wasm')).toBe(ours);
    expect(embeddingGradient()).toEqual([[0, 0], [2, 2], [0, 0], [1, 1]]);
  });

  it('ready() registers them whenever it switches to wasm', async () => {
    unregisterWasmKernelFixes();
    await ready({ backend: 'cpu' });
    await ready({ backend: 'wasm' });
    expect(wasmKernelFixesRegistered()).toBe(true);
  });

  it('keeps working after switching backends (the engine re-runs kernel setup on each switch)', async () => {
    await onBackend('cpu', () => tf.matMul([[1]], [[1]]).dispose());
    const product = await onBackend('wasm', () =>
      tf.tidy(() => tf.matMul(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[5, 6], [7, 8]]), true, true).arraySync()),
    );
    // aᵀ·bᵀ with a = [[1,2],[3,4]], b = [[5,6],[7,8]]: [[1,3],[2,4]]·[[5,7],[6,8]]
    expect(product).toEqual([[23, 31], [34, 46]]);
  });
});
