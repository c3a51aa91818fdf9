// lstmCellStep and lstmForward against tf.layers.lstm (sigmoid gates, weights set by setWeights) and the float64 plain-JS LSTM.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disposeLstmCache, lstmCellStep, lstmForward } from '@/lib/lstm';
import { tf } from '@/lib/tfjs';
import { expectClose, FORWARD_TOLERANCE } from '../helpers/expect-close';
import { BACKENDS, useBackend } from './backends';
import { CASES, caseData, disposeAll, t2, t3, weightTensors } from './cases';
import { plainLstmForward } from './plain-js/lstm';

/** tf.layers.lstm with our weights, returning [hSeq, hT, cT]. */
function layersLstm(
  w: ReturnType<typeof weightTensors>,
  x: tf.Tensor3D,
  init?: [tf.Tensor2D, tf.Tensor2D],
): [tf.Tensor3D, tf.Tensor2D, tf.Tensor2D] {
  const layer = tf.layers.lstm({
    units: w.recurrentKernel.shape[0],
    recurrentActivation: 'sigmoid',
    returnSequences: true,
    returnState: true,
    // The default orthogonal initializer is slow to build; the weights are replaced anyway.
    recurrentInitializer: 'glorotUniform',
  });
  const call = () => layer.apply(x, init ? { initialState: init } : {}) as tf.Tensor[];
  tf.dispose(call()); // the first call builds the layer (build() alone is not recorded as built)
  layer.setWeights([w.kernel, w.recurrentKernel, w.bias]);
  const out = call();
  layer.dispose();
  return out as [tf.Tensor3D, tf.Tensor2D, tf.Tensor2D];
}

for (const backend of BACKENDS) {
  describe(`lstmForward on ${backend}`, () => {
    beforeAll(() => useBackend(backend));
    afterAll(() => tf.disposeVariables());

    for (const c of CASES) {
      it(`matches tf.layers.lstm and the float64 LSTM: ${c.name}`, () => {
        const d = caseData(c, 4);
        const p = weightTensors(d.weights);
        const x = t3(d.x);
        const init = d.h0 && d.c0 ? { h0: t2(d.h0), c0: t2(d.c0) } : undefined;
        const ours = lstmForward(x, p, init);
        const [hSeq, hT, cT] = layersLstm(p, x, init ? [init.h0, init.c0] : undefined);
        expectClose(ours.hSeq, hSeq, FORWARD_TOLERANCE, { label: 'hSeq vs tf.layers' });
        expectClose(ours.hT, hT, FORWARD_TOLERANCE, { label: 'hT vs tf.layers' });
        expectClose(ours.cT, cT, FORWARD_TOLERANCE, { label: 'cT vs tf.layers' });
        const plain = plainLstmForward(d.x, d.weights, d.h0, d.c0);
        expectClose(ours.hSeq, plain.hSeq, FORWARD_TOLERANCE, { label: 'hSeq vs float64' });
        expectClose(ours.hT, plain.hT, FORWARD_TOLERANCE, { label: 'hT vs float64' });
        expectClose(ours.cT, plain.cT, FORWARD_TOLERANCE, { label: 'cT vs float64' });
        disposeLstmCache(ours.cache);
        disposeAll(ours, hSeq, hT, cT, p, x, init);
      });
    }

    it('lstmCellStep is one step of lstmForward, and its gates are the cached ones', () => {
      const c = CASES[1];
      const d = caseData(c, 4);
      const p = weightTensors(d.weights);
      const x = t3(d.x);
      const h0 = t2(d.h0!);
      const c0 = t2(d.c0!);
      const run = lstmForward(x, p, { h0, c0 });
      const x0 = tf.tidy(() => x.slice([0, 0, 0], [c.B, 1, c.I]).reshape([c.B, c.I]) as tf.Tensor2D);
      const step = lstmCellStep(x0, h0, c0, p);
      const plain = plainLstmForward(d.x.map((row) => [row[0]]), d.weights, d.h0, d.c0);
      expectClose(step.h, plain.hT, FORWARD_TOLERANCE, { label: 'h' });
      expectClose(step.c, plain.cT, FORWARD_TOLERANCE, { label: 'c' });
      const cached = run.cache.steps[0];
      for (const gate of ['i', 'f', 'g', 'o'] as const) {
        expectClose(step.gates[gate], cached[gate], FORWARD_TOLERANCE, { label: `gate ${gate}` });
      }
      expectClose(cached.hPrev, d.h0!, FORWARD_TOLERANCE, { label: 'cache hPrev at t = 0' });
      expectClose(cached.cPrev, d.c0!, FORWARD_TOLERANCE, { label: 'cache cPrev at t = 0' });
      expectClose(cached.tanhC, plain.cT.map((row) => row.map(Math.tanh)), FORWARD_TOLERANCE, { label: 'cache tanhC' });
      disposeLstmCache(run.cache);
      disposeAll(run, step, p, x, h0, c0, x0);
    });

    it('rejects wrong shapes with a message naming the tensor and both shapes', () => {
      const d = caseData(CASES[0], 4);
      const p = weightTensors(d.weights);
      const x = tf.zeros([2, 3, 5]) as tf.Tensor3D;
      expect(() => lstmForward(x, p)).toThrow('x must have shape [?, ?, 4], got [2, 3, 5]');
      const badBias = { ...p, bias: tf.zeros([7]) as tf.Tensor1D };
      expect(() => lstmForward(t3(d.x), badBias)).toThrow('LstmParams.bias must have shape [24], got [7]');
      const h = tf.zeros([3, 6]) as tf.Tensor2D;
      expect(() => lstmCellStep(tf.zeros([2, 4]) as tf.Tensor2D, h, h, p)).toThrow('hPrev must have shape [2, 6], got [3, 6]');
      disposeAll(p, x, badBias, h);
    });
  });
}
