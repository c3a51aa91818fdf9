// The GRU view's numbers against gruForward's caches, and its update h = z·h_{t-1} + (1 − z)·h̃.
import { beforeAll, describe, expect, it } from 'vitest';
import { GRU_TRACE_ROWS, traceGru } from '@/lib/lab/gru-trace';
import { createRng, disposeGruCache, gruForward, initGruParams } from '@/lib/lstm';
import { tf } from '@/lib/tfjs';
import { useBackend } from '../lstm/backends';

describe('traceGru', () => {
  beforeAll(() => useBackend('wasm'));

  it('records the same gates and states as gruForward and satisfies the update equation', () => {
    const p = initGruParams({ inputSize: 1, hiddenSize: 4, seed: 8 });
    const bias = p.bias;
    p.bias = tf.randomUniform([2, 12], -0.5, 0.5, 'float32', 3); // non-zero biases exercise both bias rows
    bias.dispose();
    const rng = createRng(9);
    const inputs = Array.from({ length: 7 }, () => [rng.uniform(-1, 1)]);
    const trace = traceGru(p, inputs);
    const x = tf.tensor3d([inputs]); // [1, T, 1]
    const run = gruForward(x, p);
    const want = {
      z: run.cache.steps.map((s) => Array.from(s.z.dataSync())),
      r: run.cache.steps.map((s) => Array.from(s.r.dataSync())),
      hTilde: run.cache.steps.map((s) => Array.from(s.hTilde.dataSync())),
      h: (run.hSeq.arraySync() as number[][][])[0],
    };
    for (const row of GRU_TRACE_ROWS) {
      trace.values[row].forEach((step, t) => step.forEach((v, k) => expect(v, `${row}[${t}][${k}]`).toBeCloseTo(want[row][t][k], 5)));
    }
    const { z, hTilde, h } = trace.values;
    for (let t = 0; t < 7; t++) {
      for (let k = 0; k < 4; k++) {
        const hPrev = t === 0 ? 0 : h[t - 1][k];
        expect(h[t][k]).toBeCloseTo(z[t][k] * hPrev + (1 - z[t][k]) * hTilde[t][k], 5);
      }
    }
    tf.dispose([x, run.hSeq, run.hT, p.kernel, p.recurrentKernel, p.bias]);
    disposeGruCache(run.cache);
  });
});
