// clipByGlobalNorm (TensorFlow's formula) and clipByValue on hand-computed cases.
import { beforeAll, describe, expect, it } from 'vitest';
import { clipByGlobalNorm, clipByValue } from '@/lib/lstm';
import { tf } from '@/lib/tfjs';
import { expectClose, FORWARD_TOLERANCE } from '../helpers/expect-close';
import { useBackend } from './backends';
import { disposeAll } from './cases';

describe('clipByGlobalNorm', () => {
  beforeAll(() => useBackend('wasm'));

  it('scales by clipNorm / globalNorm above the threshold, across all tensors', () => {
    // ‖(3, 4)‖ = 5 and ‖(12)‖ = 12: global norm 13.
    const grads = [tf.tensor1d([3, 4]), tf.tensor2d([[12]])];
    const { clipped, globalNorm } = clipByGlobalNorm(grads, 6.5);
    expect(globalNorm).toBe(13);
    expectClose(clipped[0], [1.5, 2], FORWARD_TOLERANCE);
    expectClose(clipped[1], [[6]], FORWARD_TOLERANCE);
    disposeAll(grads, clipped);
  });

  it('leaves gradients unchanged at or below the threshold', () => {
    const grads = [tf.tensor1d([3, 4])];
    for (const clipNorm of [5, 7]) {
      const { clipped, globalNorm } = clipByGlobalNorm(grads, clipNorm);
      expect(globalNorm).toBe(5);
      expect(Array.from(clipped[0].dataSync())).toEqual([3, 4]);
      expect(clipped[0]).not.toBe(grads[0]);
      disposeAll(clipped);
    }
    disposeAll(grads);
  });

  it('is zero-safe: all-zero gradients stay zero, with no NaN', () => {
    const grads = [tf.zeros([2, 3]), tf.zeros([4])];
    const { clipped, globalNorm } = clipByGlobalNorm(grads, 1);
    expect(globalNorm).toBe(0);
    for (const c of clipped) expect(Array.from(c.dataSync()).every((v) => v === 0)).toBe(true);
    disposeAll(grads, clipped);
  });

  it('rejects a non-positive clipNorm', () => {
    const grads = [tf.tensor1d([1])];
    expect(() => clipByGlobalNorm(grads, 0)).toThrow('clipNorm must be a positive finite number');
    expect(() => clipByGlobalNorm(grads, -1)).toThrow();
    disposeAll(grads);
  });
});

describe('clipByValue', () => {
  it('limits every element to [min, max] and keeps shapes', () => {
    const grads = [tf.tensor2d([[-3, 0.5], [2, -0.1]]), tf.tensor1d([10])];
    const clipped = clipByValue(grads, -1, 1);
    expect(clipped[0].shape).toEqual([2, 2]);
    expect(Array.from(clipped[0].dataSync())).toEqual([-1, 0.5, 1, Math.fround(-0.1)]);
    expect(Array.from(clipped[1].dataSync())).toEqual([1]);
    expect(() => clipByValue(grads, 1, -1)).toThrow('need min <= max');
    disposeAll(grads, clipped);
  });
});
