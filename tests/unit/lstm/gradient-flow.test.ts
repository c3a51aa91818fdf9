// gradientNormsThroughTime against Jacobians built by the float64 plain-JS RNN/LSTM (H backward passes with dh_T = e_k).
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng, gradientNormsThroughTime } from '@/lib/lstm';
import { tf } from '@/lib/tfjs';
import { useBackend } from './backends';
import { disposeAll, randomSequence, randomWeights, t3, toFloat32, weightTensors } from './cases';
import { plainLstmBackward } from './plain-js/lstm';
import { plainRnnBackward } from './plain-js/rnn';
import type { PlainWeights, Sequence } from './plain-js/types';

/** ‖∂h_T/∂x_t‖_F for each t, from H float64 backward passes seeded with the unit vectors e_k. */
function plainNorms(kind: 'rnn' | 'lstm', w: PlainWeights, x: Sequence, H: number): number[] {
  const T = x[0].length;
  const sums = new Array(T).fill(0);
  const zeros = [Array.from({ length: T }, () => new Array(H).fill(0))];
  for (let k = 0; k < H; k++) {
    const dhT = [Array.from({ length: H }, (_, u) => (u === k ? 1 : 0))];
    const g = kind === 'rnn' ? plainRnnBackward(x, w, { dhSeq: zeros, dhT }) : plainLstmBackward(x, w, { dhSeq: zeros, dhT });
    g.dx[0].forEach((row, t) => row.forEach((v) => (sums[t] += v * v)));
  }
  return sums.map(Math.sqrt);
}

describe('gradientNormsThroughTime', () => {
  beforeAll(() => useBackend('wasm'));

  for (const kind of ['rnn', 'lstm'] as const) {
    it(`${kind}: matches the float64 Jacobian norms on a log scale and has one value per step`, () => {
      const rng = createRng(kind === 'rnn' ? 11 : 12);
      const T = 20, I = 3, H = 6;
      const w = randomWeights(rng, I, H, kind === 'rnn' ? 1 : 4, 0.7);
      const x = toFloat32(randomSequence(rng, 1, T, I, 1));
      const p = weightTensors(w);
      const xs = t3(x);
      const norms = kind === 'rnn' ? gradientNormsThroughTime('rnn', p, xs) : gradientNormsThroughTime('lstm', p, xs);
      const want = plainNorms(kind, w, x, H);
      expect(norms).toHaveLength(T);
      norms.forEach((v, t) => expect(Math.abs(Math.log10(v) - Math.log10(want[t])), `t = ${t}`).toBeLessThan(1e-3));
      disposeAll(p, xs);
    });
  }

  it('shows the vanishing gradient of a contracting tanh RNN', () => {
    const rng = createRng(13);
    const w = randomWeights(rng, 2, 8, 1, 0.3);
    const p = weightTensors(w);
    const xs = t3(toFloat32(randomSequence(rng, 1, 40, 2, 1)));
    const norms = gradientNormsThroughTime('rnn', p, xs);
    expect(norms[0]).toBeLessThan(1e-6 * norms[39]);
    disposeAll(p, xs);
  });

  it('rejects a batch of more than one sequence', () => {
    const p = weightTensors(randomWeights(createRng(1), 2, 3, 4, 0.5));
    const xs = tf.zeros([2, 5, 2]) as tf.Tensor3D;
    expect(() => gradientNormsThroughTime('lstm', p, xs)).toThrow('x must hold one sequence [1, T, I], got [2, 5, 2]');
    disposeAll(p, xs);
  });
});
