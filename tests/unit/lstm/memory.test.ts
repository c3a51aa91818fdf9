// Every public function frees what it does not return: tf.memory().numTensors is unchanged after repeated calls.
import { beforeAll, describe, expect, it } from 'vitest';
import * as lstm from '@/lib/lstm';
import { tf } from '@/lib/tfjs';
import { BACKENDS, useBackend } from './backends';
import { disposeAll } from './cases';

function expectNoLeak(label: string, run: () => void): void {
  run(); // warm-up: tfjs may allocate lazily on first use
  const before = tf.memory().numTensors;
  for (let k = 0; k < 3; k++) run();
  expect(tf.memory().numTensors, label).toBe(before);
}

for (const backend of BACKENDS) {
  describe(`tensor bookkeeping on ${backend}`, () => {
    beforeAll(() => useBackend(backend));

    it('no function leaks tensors when its results are disposed as documented', () => {
      const B = 2, T = 3, I = 4, H = 5;
      const lp = lstm.initLstmParams({ inputSize: I, hiddenSize: H, seed: 1 });
      const gp = lstm.initGruParams({ inputSize: I, hiddenSize: H, seed: 1 });
      const rp = lstm.initRnnParams({ inputSize: I, hiddenSize: H, seed: 1 });
      const x = tf.randomNormal([B, T, I], 0, 1, 'float32', 1) as tf.Tensor3D;
      const x1 = tf.randomNormal([1, T, I], 0, 1, 'float32', 2) as tf.Tensor3D;
      const h0 = tf.ones([B, H]) as tf.Tensor2D;
      const c0 = tf.ones([B, H]) as tf.Tensor2D;
      const dhSeq = tf.ones([B, T, H]) as tf.Tensor3D;
      const x0 = tf.ones([B, I]) as tf.Tensor2D;

      expectNoLeak('lstmCellStep', () => disposeAll(lstm.lstmCellStep(x0, h0, c0, lp)));
      expectNoLeak('lstmForward + lstmBackward', () => {
        const run = lstm.lstmForward(x, lp, { h0, c0 });
        const grads = lstm.lstmBackward(run.cache, dhSeq, h0, c0);
        lstm.disposeLstmCache(run.cache);
        tf.dispose([run.hSeq, run.hT, run.cT]);
        disposeAll(grads);
      });
      expectNoLeak('gruCellStep', () => disposeAll(lstm.gruCellStep(x0, h0, gp)));
      expectNoLeak('gruForward + gruBackward', () => {
        const run = lstm.gruForward(x, gp, { h0 });
        const grads = lstm.gruBackward(run.cache, dhSeq, h0);
        lstm.disposeGruCache(run.cache);
        tf.dispose([run.hSeq, run.hT]);
        disposeAll(grads);
      });
      expectNoLeak('rnnCellStep', () => lstm.rnnCellStep(x0, h0, rp).dispose());
      expectNoLeak('rnnForward + rnnBackward', () => {
        const run = lstm.rnnForward(x, rp, { h0 });
        const grads = lstm.rnnBackward(run.cache, null, h0);
        lstm.disposeRnnCache(run.cache);
        tf.dispose([run.hSeq, run.hT]);
        disposeAll(grads);
      });
      expectNoLeak('gradientNormsThroughTime', () => {
        lstm.gradientNormsThroughTime('lstm', lp, x1);
        lstm.gradientNormsThroughTime('rnn', rp, x1);
      });
      expectNoLeak('clipping', () => {
        disposeAll(lstm.clipByGlobalNorm([h0, c0], 0.5).clipped, lstm.clipByGlobalNorm([h0], 100).clipped);
        disposeAll(lstm.clipByValue([h0, dhSeq], -0.5, 0.5));
      });
      expectNoLeak('PyTorch layout', () => {
        const torchLstm = lstm.lstmParamsToPytorch(lp);
        disposeAll(torchLstm, lstm.lstmParamsFromPytorch(torchLstm));
        const torchGru = lstm.gruParamsToPytorch(gp);
        disposeAll(torchGru, lstm.gruParamsFromPytorch(torchGru));
      });
      expectNoLeak('initialisers', () => disposeAll(lstm.initLstmParams({ inputSize: 2, hiddenSize: 3, seed: 9 })));

      // The caller's initial state survives disposing the cache.
      const run = lstm.lstmForward(x, lp, { h0, c0 });
      lstm.disposeLstmCache(run.cache);
      expect(h0.isDisposed).toBe(false);
      expect(c0.isDisposed).toBe(false);
      expect(run.cT.isDisposed).toBe(false);
      tf.dispose([run.hSeq, run.hT, run.cT]);
      disposeAll(lp, gp, rp, x, x1, h0, c0, dhSeq, x0);
    });
  });
}
