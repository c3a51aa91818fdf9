// Seeded initialisers: determinism, glorot-uniform range, orthogonality (checked in float64 here), forget bias.
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng, glorotUniformValues, initGruParams, initLstmParams, initRnnParams, orthogonalValues } from '@/lib/lstm';
import { useBackend } from './backends';
import { disposeAll } from './cases';

/** Max |A·Aᵀ − I| over the Gram matrix of the rows of a row-major [rows, cols] matrix. */
function rowGramError(values: ArrayLike<number>, rows: number, cols: number): number {
  let worst = 0;
  for (let a = 0; a < rows; a++) {
    for (let b = 0; b < rows; b++) {
      let dot = 0;
      for (let j = 0; j < cols; j++) dot += values[a * cols + j] * values[b * cols + j];
      worst = Math.max(worst, Math.abs(dot - (a === b ? 1 : 0)));
    }
  }
  return worst;
}

function transposeValues(values: ArrayLike<number>, rows: number, cols: number): number[] {
  const out = new Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = values[r * cols + c];
  return out;
}

describe('seeded initialisers', () => {
  beforeAll(() => useBackend('wasm'));

  it('orthogonalValues: orthonormal rows for wide matrices, orthonormal columns for tall ones', () => {
    expect(rowGramError(orthogonalValues(16, 64, createRng(1)), 16, 64)).toBeLessThan(1e-6);
    expect(rowGramError(transposeValues(orthogonalValues(40, 10, createRng(2)), 40, 10), 10, 40)).toBeLessThan(1e-6);
    expect(rowGramError(orthogonalValues(12, 12, createRng(3)), 12, 12)).toBeLessThan(1e-6);
  });

  it('the same seed gives the same weights; another seed gives others', () => {
    const a = initLstmParams({ inputSize: 5, hiddenSize: 7, seed: 42 });
    const b = initLstmParams({ inputSize: 5, hiddenSize: 7, seed: 42 });
    const c = initLstmParams({ inputSize: 5, hiddenSize: 7, seed: 43 });
    expect(Array.from(a.kernel.dataSync())).toEqual(Array.from(b.kernel.dataSync()));
    expect(Array.from(a.recurrentKernel.dataSync())).toEqual(Array.from(b.recurrentKernel.dataSync()));
    expect(Array.from(a.kernel.dataSync())).not.toEqual(Array.from(c.kernel.dataSync()));
    disposeAll(a, b, c);
  });

  it('LSTM: shapes, glorot-uniform kernel range, orthogonal recurrent kernel, forget bias', () => {
    const I = 10, H = 32;
    const p = initLstmParams({ inputSize: I, hiddenSize: H, seed: 7, unitForgetBias: true });
    expect(p.kernel.shape).toEqual([I, 4 * H]);
    expect(p.recurrentKernel.shape).toEqual([H, 4 * H]);
    expect(p.bias.shape).toEqual([4 * H]);
    const limit = Math.sqrt(6 / (I + 4 * H));
    const kernel = Array.from(p.kernel.dataSync());
    expect(Math.max(...kernel.map(Math.abs))).toBeLessThanOrEqual(limit);
    // Variance of U(−l, l) is l²/3; 1280 samples put the estimate well within 20 %.
    const variance = kernel.reduce((s, v) => s + v * v, 0) / kernel.length;
    expect(variance / (limit * limit / 3)).toBeGreaterThan(0.8);
    expect(variance / (limit * limit / 3)).toBeLessThan(1.2);
    expect(rowGramError(p.recurrentKernel.dataSync(), H, 4 * H)).toBeLessThan(1e-5);
    const bias = Array.from(p.bias.dataSync());
    expect(bias.slice(H, 2 * H).every((v) => v === 1)).toBe(true);
    expect([...bias.slice(0, H), ...bias.slice(2 * H)].every((v) => v === 0)).toBe(true);
    const plain = initLstmParams({ inputSize: I, hiddenSize: H, seed: 7 });
    expect(Array.from(plain.bias.dataSync()).every((v) => v === 0)).toBe(true);
    disposeAll(p, plain);
  });

  it('GRU and RNN: shapes and zero biases; H = 256 LSTM builds (orthogonal init in plain JS)', () => {
    const g = initGruParams({ inputSize: 3, hiddenSize: 4, seed: 1 });
    expect(g.kernel.shape).toEqual([3, 12]);
    expect(g.recurrentKernel.shape).toEqual([4, 12]);
    expect(g.bias.shape).toEqual([2, 12]);
    const r = initRnnParams({ inputSize: 3, hiddenSize: 4, seed: 1 });
    expect(r.recurrentKernel.shape).toEqual([4, 4]);
    expect(rowGramError(r.recurrentKernel.dataSync(), 4, 4)).toBeLessThan(1e-6);
    const big = initLstmParams({ inputSize: 64, hiddenSize: 256, seed: 1 });
    expect(big.recurrentKernel.shape).toEqual([256, 1024]);
    disposeAll(g, r, big);
  });

  it('glorotUniformValues and bad sizes', () => {
    expect(glorotUniformValues(2, 3, createRng(1))).toHaveLength(6);
    expect(() => initLstmParams({ inputSize: 0, hiddenSize: 4, seed: 1 })).toThrow('positive integers');
  });
});
