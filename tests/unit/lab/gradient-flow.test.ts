// The gradient-flow chart's curves: one setting against tf.grad through an LSTM and an RNN written out here, and the sliders' effects.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  gradientFlowCurves,
  gradientFlowInput,
  gradientFlowLstmParams,
  gradientFlowRnnParams,
  summarizeCurve,
  type GradientFlowSettings,
} from '@/lib/lab/gradient-flow';
import { decadesApart } from '@/lib/lab/gradient-flow-settings';
import { tf } from '@/lib/tfjs';
import { useBackend } from '../lstm/backends';

/** h_T of a plain LSTM over x [1, T, I], written from the equations with tf ops only (no lib/lstm code). */
function lstmLastHidden(x: tf.Tensor, kernel: tf.Tensor, recurrent: tf.Tensor, bias: tf.Tensor, H: number): tf.Tensor {
  const T = x.shape[1]!;
  let h: tf.Tensor = tf.zeros([1, H]); // [1, H]
  let c: tf.Tensor = tf.zeros([1, H]); // [1, H]
  for (let t = 0; t < T; t++) {
    const xt = x.slice([0, t, 0], [1, 1, -1]).reshape([1, -1]); // [1, I]
    const z = xt.matMul(kernel).add(h.matMul(recurrent)).add(bias); // [1, 4H]
    const i = z.slice([0, 0], [1, H]).sigmoid(); // [1, H]
    const f = z.slice([0, H], [1, H]).sigmoid(); // [1, H]
    const g = z.slice([0, 2 * H], [1, H]).tanh(); // [1, H]
    const o = z.slice([0, 3 * H], [1, H]).sigmoid(); // [1, H]
    c = f.mul(c).add(i.mul(g)); // [1, H]
    h = o.mul(c.tanh()); // [1, H]
  }
  return h;
}

function rnnLastHidden(x: tf.Tensor, kernel: tf.Tensor, recurrent: tf.Tensor, bias: tf.Tensor, H: number): tf.Tensor {
  let h: tf.Tensor = tf.zeros([1, H]); // [1, H]
  for (let t = 0; t < x.shape[1]!; t++) {
    const xt = x.slice([0, t, 0], [1, 1, -1]).reshape([1, -1]); // [1, I]
    h = xt.matMul(kernel).add(h.matMul(recurrent)).add(bias).tanh(); // [1, H]
  }
  return h;
}

/** ‖∂h_T/∂x_t‖_F per t from H separate tf.grad calls, one per component of h_T. */
function normsByTfGrad(lastHidden: (x: tf.Tensor) => tf.Tensor, x: tf.Tensor3D, H: number): number[] {
  const squares = tf.tidy(() => {
    let sum = tf.zeros([x.shape[1]]); // [T]
    for (let k = 0; k < H; k++) {
      const dx = tf.grad((xs: tf.Tensor) => lastHidden(xs).slice([0, k], [1, 1]).sum())(x); // [1, T, I]
      sum = sum.add(dx.square().sum([0, 2])); // [T]
    }
    return sum;
  });
  const out = Array.from(squares.dataSync(), Math.sqrt);
  squares.dispose();
  return out;
}

describe('gradientFlowCurves', () => {
  beforeAll(() => useBackend('wasm'));

  it('matches tf.grad through independently written RNN and LSTM for one setting (log scale)', () => {
    const s: GradientFlowSettings = { steps: 14, hiddenSize: 4, forgetBias: 2, recurrentScale: 1.3, seed: 21 };
    const curves = gradientFlowCurves(s);
    const x = gradientFlowInput(s);
    const lp = gradientFlowLstmParams(s);
    const rp = gradientFlowRnnParams(s);
    const wantLstm = normsByTfGrad((xs) => lstmLastHidden(xs, lp.kernel, lp.recurrentKernel, lp.bias, 4), x, 4);
    const wantRnn = normsByTfGrad((xs) => rnnLastHidden(xs, rp.kernel, rp.recurrentKernel, rp.bias, 4), x, 4);
    expect(curves.lstm).toHaveLength(14);
    expect(curves.rnn).toHaveLength(14);
    curves.lstm.forEach((v, t) => expect(Math.abs(Math.log10(v) - Math.log10(wantLstm[t])), `lstm t=${t}`).toBeLessThan(1e-3));
    curves.rnn.forEach((v, t) => expect(Math.abs(Math.log10(v) - Math.log10(wantRnn[t])), `rnn t=${t}`).toBeLessThan(1e-3));
    tf.dispose([x, lp.kernel, lp.recurrentKernel, lp.bias, rp.kernel, rp.recurrentKernel, rp.bias]);
  });

  it('the RNN gradient vanishes over 60 steps at a small recurrent scale, and a larger forget bias keeps the LSTM gradient', () => {
    const base: GradientFlowSettings = { steps: 60, hiddenSize: 8, forgetBias: 0, recurrentScale: 0.5, seed: 7 };
    const low = gradientFlowCurves(base);
    const high = gradientFlowCurves({ ...base, forgetBias: 4 });
    expect(summarizeCurve(low.rnn).decades).toBeLessThan(-10);
    expect(summarizeCurve(high.lstm).decades).toBeGreaterThan(summarizeCurve(low.lstm).decades + 5);
    expect(high.rnn).toEqual(low.rnn); // the forget bias is an LSTM parameter only
  });

  it('rejects settings outside the sliders', () => {
    expect(() => gradientFlowCurves({ steps: 1, hiddenSize: 8, forgetBias: 0, recurrentScale: 1, seed: 1 })).toThrow();
  });
});

describe('summarizeCurve', () => {
  it('counts decades from the last step back to the first', () => {
    expect(summarizeCurve([1e-6, 1e-3, 1])).toEqual({ first: 1e-6, last: 1, decades: -6 });
  });
});

describe('decadesApart', () => {
  it('is the largest log-scale gap, and infinite when the curves cannot be compared', () => {
    expect(decadesApart([1, 10, 100], [1, 1, 100])).toBeCloseTo(1, 12);
    expect(decadesApart([1, 2], [1])).toBe(Infinity);
    expect(decadesApart([0, 1], [1e-3, 1])).toBe(Infinity);
  });
});
