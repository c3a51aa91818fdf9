// gruCellStep, gruForward and gruBackward against the float64 plain-JS GRU and tf.grad over gruForward.
// (tf.layers.gru only implements reset_after=false, so PyTorch fixtures are the framework reference: torch-fixtures.test.ts.)
import { beforeAll, describe, it } from 'vitest';
import { disposeGruCache, gruBackward, gruCellStep, gruForward } from '@/lib/lstm';
import { tf } from '@/lib/tfjs';
import { expectClose, FORWARD_TOLERANCE, GRADIENT_TOLERANCE } from '../helpers/expect-close';
import { BACKENDS, useBackend } from './backends';
import { CASES, caseData, disposeAll, gruWeightTensors, t2, t3 } from './cases';
import { plainGruBackward, plainGruForward } from './plain-js/gru';

for (const backend of BACKENDS) {
  describe(`GRU on ${backend}`, () => {
    beforeAll(() => useBackend(backend));

    for (const c of CASES) {
      it(`forward and backward match the float64 GRU and tf.grad: ${c.name}`, () => {
        const d = caseData(c, 3);
        const p = gruWeightTensors(d.gruWeights);
        const x = t3(d.x);
        const h0 = d.h0 ? t2(d.h0) : (tf.zeros([c.B, c.H]) as tf.Tensor2D);
        const dhSeq = t3(d.dhSeq);
        const dhT = t2(d.dhT);
        const run = gruForward(x, p, { h0 });
        const plain = plainGruForward(d.x, d.gruWeights, d.h0);
        expectClose(run.hSeq, plain.hSeq, FORWARD_TOLERANCE, { label: 'hSeq' });
        expectClose(run.hT, plain.hT, FORWARD_TOLERANCE, { label: 'hT' });

        const ours = gruBackward(run.cache, dhSeq, dhT);
        const want = plainGruBackward(d.x, d.gruWeights, { dhSeq: d.dhSeq, dhT: d.dhT }, d.h0);
        expectClose(ours.dx, want.dx, GRADIENT_TOLERANCE, { label: 'dx' });
        expectClose(ours.dh0, want.dh0, GRADIENT_TOLERANCE, { label: 'dh0' });
        expectClose(ours.dKernel, want.dKernel, GRADIENT_TOLERANCE, { label: 'dKernel', blocks: 3 });
        expectClose(ours.dRecurrentKernel, want.dRecurrentKernel, GRADIENT_TOLERANCE, { label: 'dRecurrentKernel', blocks: 3 });
        expectClose(ours.dBias, want.dBias, GRADIENT_TOLERANCE, { label: 'dBias', blocks: 3 });
        for (const gate of ['z', 'r', 'hTilde'] as const) {
          expectClose(ours.dGates[gate], want.dGates[gate], GRADIENT_TOLERANCE, { label: `dGates.${gate}` });
        }

        const auto = tf.grads((xs: tf.Tensor, h: tf.Tensor, k: tf.Tensor, rk: tf.Tensor, b: tf.Tensor) => {
          const r = gruForward(xs as tf.Tensor3D, { kernel: k as tf.Tensor2D, recurrentKernel: rk as tf.Tensor2D, bias: b as tf.Tensor2D }, { h0: h as tf.Tensor2D });
          return r.hSeq.mul(dhSeq).sum().add(r.hT.mul(dhT).sum()) as tf.Scalar;
        })([x, h0, p.kernel, p.recurrentKernel, p.bias]);
        (['dx', 'dh0', 'dKernel', 'dRecurrentKernel', 'dBias'] as const).forEach((label, k) =>
          expectClose(ours[label], auto[k], GRADIENT_TOLERANCE, { label: `${label} vs tf.grad` }),
        );
        disposeGruCache(run.cache);
        disposeAll(run, ours, auto, p, x, h0, dhSeq, dhT);
      });
    }

    it('gruCellStep is the first step of gruForward', () => {
      const c = CASES[1];
      const d = caseData(c, 3);
      const p = gruWeightTensors(d.gruWeights);
      const x = t3(d.x);
      const h0 = t2(d.h0!);
      const run = gruForward(x, p, { h0 });
      const x0 = tf.tidy(() => x.slice([0, 0, 0], [c.B, 1, c.I]).reshape([c.B, c.I]) as tf.Tensor2D);
      const step = gruCellStep(x0, h0, p);
      const plain = plainGruForward(d.x.map((row) => [row[0]]), d.gruWeights, d.h0);
      expectClose(step.h, plain.hT, FORWARD_TOLERANCE, { label: 'h' });
      for (const gate of ['z', 'r', 'hTilde'] as const) {
        expectClose(step.gates[gate], run.cache.steps[0][gate], FORWARD_TOLERANCE, { label: gate });
      }
      disposeGruCache(run.cache);
      disposeAll(run, step, p, x, h0, x0);
    });
  });
}
