// Layout conversion to and from PyTorch on hand-written weights (the fixture test covers real nn.LSTM / nn.GRU).
import { beforeAll, describe, expect, it } from 'vitest';
import { gruParamsFromPytorch, gruParamsToPytorch, lstmParamsFromPytorch, lstmParamsToPytorch } from '@/lib/lstm';
import { tf } from '@/lib/tfjs';
import { useBackend } from './backends';
import { disposeAll } from './cases';

describe('PyTorch layout', () => {
  beforeAll(() => useBackend('wasm'));

  it('LSTM: transposes the weights (same gate order) and sums the two biases', () => {
    // H = 1, I = 2: weight_ih rows are the gates i, f, g, o.
    const w = {
      weightIh: tf.tensor2d([[1, 2], [3, 4], [5, 6], [7, 8]]),
      weightHh: tf.tensor2d([[9], [10], [11], [12]]),
      biasIh: tf.tensor1d([1, 2, 3, 4]),
      biasHh: tf.tensor1d([10, 20, 30, 40]),
    };
    const p = lstmParamsFromPytorch(w);
    expect(p.kernel.arraySync()).toEqual([[1, 3, 5, 7], [2, 4, 6, 8]]);
    expect(p.recurrentKernel.arraySync()).toEqual([[9, 10, 11, 12]]);
    expect(p.bias.arraySync()).toEqual([11, 22, 33, 44]);
    const back = lstmParamsToPytorch(p);
    expect(back.weightIh.arraySync()).toEqual(w.weightIh.arraySync());
    expect(back.weightHh.arraySync()).toEqual(w.weightHh.arraySync());
    expect(back.biasIh.arraySync()).toEqual([11, 22, 33, 44]);
    expect(back.biasHh.arraySync()).toEqual([0, 0, 0, 0]);
    disposeAll(w, p, back);
  });

  it('GRU: reorders r, z, n to z, r, h̃ and keeps the biases as two rows', () => {
    // H = 1, I = 1: weight_ih rows are the gates r, z, n.
    const w = {
      weightIh: tf.tensor2d([[1], [2], [3]]),
      weightHh: tf.tensor2d([[4], [5], [6]]),
      biasIh: tf.tensor1d([10, 20, 30]),
      biasHh: tf.tensor1d([40, 50, 60]),
    };
    const p = gruParamsFromPytorch(w);
    expect(p.kernel.arraySync()).toEqual([[2, 1, 3]]);
    expect(p.recurrentKernel.arraySync()).toEqual([[5, 4, 6]]);
    expect(p.bias.arraySync()).toEqual([[20, 10, 30], [50, 40, 60]]);
    const back = gruParamsToPytorch(p);
    for (const key of ['weightIh', 'weightHh', 'biasIh', 'biasHh'] as const) {
      expect(back[key].arraySync()).toEqual(w[key].arraySync());
    }
    disposeAll(w, p, back);
  });

  it('rejects inconsistent shapes', () => {
    const w = { weightIh: tf.zeros([8, 3]) as tf.Tensor2D, weightHh: tf.zeros([8, 2]) as tf.Tensor2D, biasIh: tf.zeros([6]) as tf.Tensor1D, biasHh: tf.zeros([6]) as tf.Tensor1D };
    expect(() => lstmParamsFromPytorch(w)).toThrow();
    disposeAll(w);
  });
});
