// lstmBackward against the float64 plain-JS LSTM, tf.grad over lstmForward, and tf.grad over tf.layers.lstm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disposeLstmCache, lstmBackward, lstmForward, type LstmParams } from '@/lib/lstm';
import { tf } from '@/lib/tfjs';
import { expectClose, GRADIENT_TOLERANCE } from '../helpers/expect-close';
import { BACKENDS, useBackend } from './backends';
import { CASES, caseData, disposeAll, t2, t3, weightTensors } from './cases';
import { plainLstmBackward } from './plain-js/lstm';

const GATES = ['i', 'f', 'g', 'o'] as const;

for (const backend of BACKENDS) {
  describe(`lstmBackward on ${backend}`, () => {
    beforeAll(() => useBackend(backend));
    afterAll(() => tf.disposeVariables());

    for (const c of CASES) {
      it(`matches the float64 LSTM and tf.grad over lstmForward: ${c.name}`, () => {
        const d = caseData(c, 4);
        const p = weightTensors(d.weights);
        const x = t3(d.x);
        const h0 = d.h0 ? t2(d.h0) : (tf.zeros([c.B, c.H]) as tf.Tensor2D);
        const c0 = d.c0 ? t2(d.c0) : (tf.zeros([c.B, c.H]) as tf.Tensor2D);
        const up = { dhSeq: t3(d.dhSeq), dhT: t2(d.dhT), dcT: t2(d.dcT) };
        const run = lstmForward(x, p, { h0, c0 });
        const ours = lstmBackward(run.cache, up.dhSeq, up.dhT, up.dcT);

        const want = plainLstmBackward(d.x, d.weights, { dhSeq: d.dhSeq, dhT: d.dhT, dcT: d.dcT }, d.h0, d.c0);
        expectClose(ours.dx, want.dx, GRADIENT_TOLERANCE, { label: 'dx' });
        expectClose(ours.dh0, want.dh0, GRADIENT_TOLERANCE, { label: 'dh0' });
        expectClose(ours.dc0, want.dc0, GRADIENT_TOLERANCE, { label: 'dc0' });
        expectClose(ours.dKernel, want.dKernel, GRADIENT_TOLERANCE, { label: 'dKernel', blocks: 4 });
        expectClose(ours.dRecurrentKernel, want.dRecurrentKernel, GRADIENT_TOLERANCE, { label: 'dRecurrentKernel', blocks: 4 });
        expectClose(ours.dBias, want.dBias, GRADIENT_TOLERANCE, { label: 'dBias', blocks: 4 });
        for (const gate of GATES) {
          expectClose(ours.dGates[gate], want.dGates[gate], GRADIENT_TOLERANCE, { label: `dGates.${gate}` });
        }

        // Autodiff over our own forward pass: independent of the hand-written backward.
        const loss = (xs: tf.Tensor3D, h: tf.Tensor2D, cc: tf.Tensor2D, k: tf.Tensor2D, rk: tf.Tensor2D, b: tf.Tensor1D) => {
          const r = lstmForward(xs, { kernel: k, recurrentKernel: rk, bias: b }, { h0: h, c0: cc });
          return r.hSeq.mul(up.dhSeq).sum().add(r.hT.mul(up.dhT).sum()).add(r.cT.mul(up.dcT).sum()) as tf.Scalar;
        };
        const auto = tf.grads((...args: tf.Tensor[]) => loss(...(args as Parameters<typeof loss>)))([
          x, h0, c0, p.kernel, p.recurrentKernel, p.bias,
        ]);
        const labels = ['dx', 'dh0', 'dc0', 'dKernel', 'dRecurrentKernel', 'dBias'] as const;
        labels.forEach((label, k) => expectClose(ours[label], auto[k], GRADIENT_TOLERANCE, { label: `${label} vs tf.grad` }));

        disposeLstmCache(run.cache);
        disposeAll(ours, run, auto, p, x, h0, c0, up);
      });
    }

    it('matches tf.grad over tf.layers.lstm for the weights (loss on the sequence only)', () => {
      for (const c of [CASES[0], CASES[2], CASES[3]]) {
        const d = caseData(c, 4);
        const p = weightTensors(d.weights);
        const x = t3(d.x);
        const dhSeq = t3(d.dhSeq);
        const layer = tf.layers.lstm({ units: c.H, recurrentActivation: 'sigmoid', returnSequences: true, recurrentInitializer: 'glorotUniform' });
        tf.dispose(layer.apply(x) as tf.Tensor);
        layer.setWeights([p.kernel, p.recurrentKernel, p.bias]);
        const { grads } = tf.variableGrads(
          () => (layer.apply(x) as tf.Tensor).mul(dhSeq).sum() as tf.Scalar,
          layer.trainableWeights.map((w) => w.read() as tf.Variable),
        );
        const byName = (suffix: string) => Object.entries(grads).find(([name]) => name.endsWith(suffix))![1];
        const run = lstmForward(x, p);
        const ours = lstmBackward(run.cache, dhSeq);
        expectClose(ours.dKernel, byName('/kernel'), GRADIENT_TOLERANCE, { label: `${c.name}: dKernel`, blocks: 4 });
        expectClose(ours.dRecurrentKernel, byName('/recurrent_kernel'), GRADIENT_TOLERANCE, { label: `${c.name}: dRecurrentKernel`, blocks: 4 });
        expectClose(ours.dBias, byName('/bias'), GRADIENT_TOLERANCE, { label: `${c.name}: dBias`, blocks: 4 });
        layer.dispose();
        disposeLstmCache(run.cache);
        disposeAll(grads, run, ours, p, x, dhSeq);
      }
    });

    it('treats a null dhSeq and omitted dhT / dcT as zeros', () => {
      const c = CASES[1];
      const d = caseData(c, 4);
      const p = weightTensors(d.weights);
      const x = t3(d.x);
      const init = { h0: t2(d.h0!), c0: t2(d.c0!) };
      const dhT = t2(d.dhT);
      const run = lstmForward(x, p, init);
      const ours = lstmBackward(run.cache, null, dhT);
      const zeros = d.dhSeq.map((row) => row.map((v) => v.map(() => 0)));
      const want = plainLstmBackward(d.x, d.weights, { dhSeq: zeros, dhT: d.dhT }, d.h0, d.c0);
      expectClose(ours.dx, want.dx, GRADIENT_TOLERANCE, { label: 'dx' });
      expectClose(ours.dc0, want.dc0, GRADIENT_TOLERANCE, { label: 'dc0' });
      expectClose(ours.dRecurrentKernel, want.dRecurrentKernel, GRADIENT_TOLERANCE, { label: 'dRecurrentKernel', blocks: 4 });
      const none = lstmBackward(run.cache, null);
      expect(Array.from(none.dKernel.dataSync()).every((v) => v === 0)).toBe(true);
      expect(Array.from(none.dx.dataSync()).every((v) => v === 0)).toBe(true);
      disposeLstmCache(run.cache);
      disposeAll(run, ours, none, p, x, init, dhT);
    });

    it('a wrong weight is caught: the comparison fails if the cache belongs to other weights', () => {
      const d = caseData(CASES[0], 4);
      const p = weightTensors(d.weights);
      const other: LstmParams = { ...p, recurrentKernel: p.recurrentKernel.mul(1.05) as tf.Tensor2D };
      const run = lstmForward(t3(d.x), other);
      const ours = lstmBackward(run.cache, t3(d.dhSeq));
      const want = plainLstmBackward(d.x, d.weights, { dhSeq: d.dhSeq });
      expect(() => expectClose(ours.dRecurrentKernel, want.dRecurrentKernel, GRADIENT_TOLERANCE, { blocks: 4 })).toThrow();
      disposeLstmCache(run.cache);
      disposeAll(run, ours, p, other);
    });
  });
}
