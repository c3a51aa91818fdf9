// rnnCellStep, rnnForward and rnnBackward against tf.layers.simpleRNN, the float64 plain-JS RNN and tf.grad.
import { beforeAll, describe, it } from 'vitest';
import { disposeRnnCache, rnnBackward, rnnCellStep, rnnForward } from '@/lib/lstm';
import { tf } from '@/lib/tfjs';
import { expectClose, FORWARD_TOLERANCE, GRADIENT_TOLERANCE } from '../helpers/expect-close';
import { BACKENDS, useBackend } from './backends';
import { CASES, caseData, disposeAll, t2, t3, weightTensors } from './cases';
import { plainRnnBackward, plainRnnForward } from './plain-js/rnn';

for (const backend of BACKENDS) {
  describe(`vanilla RNN on ${backend}`, () => {
    beforeAll(() => useBackend(backend));

    for (const c of CASES) {
      it(`matches tf.layers.simpleRNN, the float64 RNN and tf.grad: ${c.name}`, () => {
        const d = caseData(c, 1);
        const p = weightTensors(d.weights);
        const x = t3(d.x);
        const h0 = d.h0 ? t2(d.h0) : (tf.zeros([c.B, c.H]) as tf.Tensor2D);
        const dhSeq = t3(d.dhSeq);
        const dhT = t2(d.dhT);
        const run = rnnForward(x, p, { h0 });

        const layer = tf.layers.simpleRNN({ units: c.H, returnSequences: true, recurrentInitializer: 'glorotUniform' });
        tf.dispose(layer.apply(x, { initialState: [h0] }) as tf.Tensor);
        layer.setWeights([p.kernel, p.recurrentKernel, p.bias]);
        const layerSeq = layer.apply(x, { initialState: [h0] }) as tf.Tensor;
        expectClose(run.hSeq, layerSeq, FORWARD_TOLERANCE, { label: 'hSeq vs tf.layers' });
        layer.dispose();

        const plain = plainRnnForward(d.x, d.weights, d.h0);
        expectClose(run.hSeq, plain.hSeq, FORWARD_TOLERANCE, { label: 'hSeq vs float64' });
        expectClose(run.hT, plain.hT, FORWARD_TOLERANCE, { label: 'hT vs float64' });

        const ours = rnnBackward(run.cache, dhSeq, dhT);
        const want = plainRnnBackward(d.x, d.weights, { dhSeq: d.dhSeq, dhT: d.dhT }, d.h0);
        const auto = tf.grads((xs: tf.Tensor, h: tf.Tensor, k: tf.Tensor, rk: tf.Tensor, b: tf.Tensor) => {
          const r = rnnForward(xs as tf.Tensor3D, { kernel: k as tf.Tensor2D, recurrentKernel: rk as tf.Tensor2D, bias: b as tf.Tensor1D }, { h0: h as tf.Tensor2D });
          return r.hSeq.mul(dhSeq).sum().add(r.hT.mul(dhT).sum()) as tf.Scalar;
        })([x, h0, p.kernel, p.recurrentKernel, p.bias]);
        (['dx', 'dh0', 'dKernel', 'dRecurrentKernel', 'dBias'] as const).forEach((label, k) => {
          expectClose(ours[label], want[label], GRADIENT_TOLERANCE, { label });
          expectClose(ours[label], auto[k], GRADIENT_TOLERANCE, { label: `${label} vs tf.grad` });
        });
        const x0 = t2(d.x.map((row) => row[0]));
        const step = rnnCellStep(x0, h0, p);
        expectClose(step, plainRnnForward(d.x.map((row) => [row[0]]), d.weights, d.h0).hT, FORWARD_TOLERANCE, { label: 'rnnCellStep' });
        disposeRnnCache(run.cache);
        disposeAll(run, layerSeq, ours, auto, step, x0, p, x, h0, dhSeq, dhT);
      });
    }
  });
}
