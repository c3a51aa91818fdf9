// lib/lstm against PyTorch: nn.LSTM / nn.GRU forward and gradients in both layouts, clipping, gradient norms through time.
// The JSON is written by tests/fixtures/make_torch_fixtures.py (see its header); torch is not needed to run this.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  clipByGlobalNorm,
  clipByValue,
  disposeGruCache,
  disposeLstmCache,
  gradientNormsThroughTime,
  gruBackward,
  gruForward,
  gruParamsFromPytorch,
  gruParamsToPytorch,
  lstmBackward,
  lstmForward,
  lstmParamsFromPytorch,
  lstmParamsToPytorch,
} from '@/lib/lstm';
import { tf } from '@/lib/tfjs';
import { expectClose, FORWARD_TOLERANCE, GRADIENT_TOLERANCE } from '../helpers/expect-close';
import { useBackend } from './backends';
import { disposeAll } from './cases';

type M = number[][];
type S = number[][][];
interface TorchWeights { weight_ih: M; weight_hh: M; bias_ih: number[]; bias_hh: number[] }
interface RecurrentFixture {
  name: string; B: number; T: number; I: number; H: number;
  pytorch: TorchWeights;
  keras: { kernel: M; recurrentKernel: M; bias: number[] | M };
  x: S; h0: M | null; c0?: M | null; dhSeq: S; dhT: M; dcT?: M;
  forward64: { hSeq: S; hT: M; cT?: M };
  forward32: { hSeq: S; hT: M; cT?: M };
  grads64: { dx: S; dh0: M; dc0?: M; dKernel: M; dRecurrentKernel: M; dBias: number[] | M; pytorch: TorchWeights };
}
interface ClippingFixture {
  name: string; grads: number[][]; clipNorm: number; globalNorm: number;
  clippedTensorFlow: unknown[]; clippedTorch: unknown[]; valueRange: [number, number]; clippedByValue: unknown[];
}
interface FlowFixture { kind: 'rnn' | 'lstm'; keras: { kernel: M; recurrentKernel: M; bias: number[] }; x: S; norms: number[] }

function load<T>(name: string): T[] {
  const text = readFileSync(new URL(`../../fixtures/torch/${name}`, import.meta.url), 'utf8');
  return (JSON.parse(text) as { cases: T[] }).cases;
}

const lstmCases = load<RecurrentFixture>('lstm.json');
const gruCases = load<RecurrentFixture>('gru.json');
const clippingCases = load<ClippingFixture>('clipping.json');
const flowCases = load<FlowFixture>('gradient_flow.json');

function torchWeights(w: TorchWeights) {
  return { weightIh: tf.tensor2d(w.weight_ih), weightHh: tf.tensor2d(w.weight_hh), biasIh: tf.tensor1d(w.bias_ih), biasHh: tf.tensor1d(w.bias_hh) };
}

const transpose = (m: M): M => m[0].map((_, j) => m.map((row) => row[j]));

describe('PyTorch fixtures', () => {
  beforeAll(() => useBackend('wasm'));

  it('cover T = 1, B = 1, H = 1, saturated gates, initial states and zero gradients', () => {
    const names = lstmCases.map((c) => c.name).join('|');
    for (const part of ['T = 1', 'B = 1', 'H = 1', 'saturated', 'initial state', 'zero upstream']) expect(names).toContain(part);
    expect(gruCases.length).toBe(lstmCases.length);
    expect(clippingCases.map((c) => c.name)).toContain('norm exactly at the threshold');
  });

  for (const f of lstmCases) {
    it(`nn.LSTM: ${f.name}`, () => {
      const w = torchWeights(f.pytorch);
      const p = lstmParamsFromPytorch(w);
      expectClose(p.kernel, f.keras.kernel, FORWARD_TOLERANCE, { label: 'kernel' });
      expectClose(p.recurrentKernel, f.keras.recurrentKernel, FORWARD_TOLERANCE, { label: 'recurrentKernel' });
      expectClose(p.bias, f.keras.bias, FORWARD_TOLERANCE, { label: 'bias' });
      const x = tf.tensor3d(f.x);
      const init = f.h0 && f.c0 ? { h0: tf.tensor2d(f.h0), c0: tf.tensor2d(f.c0) } : undefined;
      const run = lstmForward(x, p, init);
      for (const [label, want] of [['hSeq', f.forward64.hSeq], ['hT', f.forward64.hT], ['cT', f.forward64.cT!]] as const) {
        expectClose(run[label], want, FORWARD_TOLERANCE, { label: `${label} vs float64` });
        expectClose(run[label], f.forward32[label]!, FORWARD_TOLERANCE, { label: `${label} vs float32` });
      }
      const up = { dhSeq: tf.tensor3d(f.dhSeq), dhT: tf.tensor2d(f.dhT), dcT: tf.tensor2d(f.dcT!) };
      const g = lstmBackward(run.cache, up.dhSeq, up.dhT, up.dcT);
      const want = f.grads64;
      expectClose(g.dx, want.dx, GRADIENT_TOLERANCE, { label: 'dx' });
      expectClose(g.dh0, want.dh0, GRADIENT_TOLERANCE, { label: 'dh0' });
      expectClose(g.dc0, want.dc0!, GRADIENT_TOLERANCE, { label: 'dc0' });
      expectClose(g.dKernel, want.dKernel, GRADIENT_TOLERANCE, { label: 'dKernel', blocks: 4 });
      expectClose(g.dRecurrentKernel, want.dRecurrentKernel, GRADIENT_TOLERANCE, { label: 'dRecurrentKernel', blocks: 4 });
      expectClose(g.dBias, want.dBias, GRADIENT_TOLERANCE, { label: 'dBias', blocks: 4 });
      // PyTorch layout of the same gradients: transposes, and both biases get dBias.
      expectClose(transpose(flat2(g.dKernel)), want.pytorch.weight_ih, GRADIENT_TOLERANCE, { label: 'weight_ih grad' });
      expectClose(transpose(flat2(g.dRecurrentKernel)), want.pytorch.weight_hh, GRADIENT_TOLERANCE, { label: 'weight_hh grad' });
      expectClose(g.dBias, want.pytorch.bias_ih, GRADIENT_TOLERANCE, { label: 'bias_ih grad' });
      expectClose(g.dBias, want.pytorch.bias_hh, GRADIENT_TOLERANCE, { label: 'bias_hh grad' });
      // Back to PyTorch's layout: same weights, the summed bias in bias_ih.
      const back = lstmParamsToPytorch(p);
      expectClose(back.weightIh, f.pytorch.weight_ih, FORWARD_TOLERANCE, { label: 'weightIh' });
      expectClose(back.weightHh, f.pytorch.weight_hh, FORWARD_TOLERANCE, { label: 'weightHh' });
      expectClose(back.biasIh, f.pytorch.bias_ih.map((v, k) => v + f.pytorch.bias_hh[k]), FORWARD_TOLERANCE, { label: 'biasIh' });
      expectClose(back.biasHh, f.pytorch.bias_hh.map(() => 0), FORWARD_TOLERANCE, { label: 'biasHh' });
      disposeLstmCache(run.cache);
      disposeAll(w, p, x, init, run, up, g, back);
    });
  }

  for (const f of gruCases) {
    it(`nn.GRU: ${f.name}`, () => {
      const w = torchWeights(f.pytorch);
      const p = gruParamsFromPytorch(w);
      expectClose(p.kernel, f.keras.kernel, FORWARD_TOLERANCE, { label: 'kernel' });
      expectClose(p.recurrentKernel, f.keras.recurrentKernel, FORWARD_TOLERANCE, { label: 'recurrentKernel' });
      expectClose(p.bias, f.keras.bias, FORWARD_TOLERANCE, { label: 'bias' });
      const x = tf.tensor3d(f.x);
      const init = f.h0 ? { h0: tf.tensor2d(f.h0) } : undefined;
      const run = gruForward(x, p, init);
      expectClose(run.hSeq, f.forward64.hSeq, FORWARD_TOLERANCE, { label: 'hSeq vs float64' });
      expectClose(run.hT, f.forward64.hT, FORWARD_TOLERANCE, { label: 'hT vs float64' });
      expectClose(run.hSeq, f.forward32.hSeq, FORWARD_TOLERANCE, { label: 'hSeq vs float32' });
      const up = { dhSeq: tf.tensor3d(f.dhSeq), dhT: tf.tensor2d(f.dhT) };
      const g = gruBackward(run.cache, up.dhSeq, up.dhT);
      const want = f.grads64;
      expectClose(g.dx, want.dx, GRADIENT_TOLERANCE, { label: 'dx' });
      expectClose(g.dh0, want.dh0, GRADIENT_TOLERANCE, { label: 'dh0' });
      expectClose(g.dKernel, want.dKernel, GRADIENT_TOLERANCE, { label: 'dKernel', blocks: 3 });
      expectClose(g.dRecurrentKernel, want.dRecurrentKernel, GRADIENT_TOLERANCE, { label: 'dRecurrentKernel', blocks: 3 });
      expectClose(g.dBias, want.dBias, GRADIENT_TOLERANCE, { label: 'dBias', blocks: 3 });
      // The GRU conversion is a permutation + transpose, so it maps gradients exactly like weights.
      const gradsInTorchLayout = gruParamsToPytorch({ kernel: g.dKernel, recurrentKernel: g.dRecurrentKernel, bias: g.dBias });
      expectClose(gradsInTorchLayout.weightIh, want.pytorch.weight_ih, GRADIENT_TOLERANCE, { label: 'weight_ih grad' });
      expectClose(gradsInTorchLayout.weightHh, want.pytorch.weight_hh, GRADIENT_TOLERANCE, { label: 'weight_hh grad' });
      expectClose(gradsInTorchLayout.biasIh, want.pytorch.bias_ih, GRADIENT_TOLERANCE, { label: 'bias_ih grad' });
      expectClose(gradsInTorchLayout.biasHh, want.pytorch.bias_hh, GRADIENT_TOLERANCE, { label: 'bias_hh grad' });
      const back = gruParamsToPytorch(p);
      expectClose(back.weightIh, f.pytorch.weight_ih, FORWARD_TOLERANCE, { label: 'weightIh round trip' });
      expectClose(back.biasHh, f.pytorch.bias_hh, FORWARD_TOLERANCE, { label: 'biasHh round trip' });
      disposeGruCache(run.cache);
      disposeAll(w, p, x, init, run, up, g, gradsInTorchLayout, back);
    });
  }

  for (const f of clippingCases) {
    it(`clipping: ${f.name}`, () => {
      const grads = f.grads.map((g, k) => tf.tensor(g as never, shapeOf(f.clippedTensorFlow[k])));
      const { clipped, globalNorm } = clipByGlobalNorm(grads, f.clipNorm);
      expect(Math.abs(globalNorm - f.globalNorm)).toBeLessThanOrEqual(1e-12 * Math.max(1, f.globalNorm));
      clipped.forEach((c, k) => {
        expectClose(c, f.clippedTensorFlow[k] as number[], FORWARD_TOLERANCE, { label: `clipped[${k}] vs TensorFlow formula` });
        expectClose(c, f.clippedTorch[k] as number[], FORWARD_TOLERANCE, { label: `clipped[${k}] vs torch clip_grad_norm_` });
      });
      if (f.name === 'norm exactly at the threshold') {
        clipped.forEach((c, k) => expect(Array.from(c.dataSync())).toEqual(Array.from(grads[k].dataSync())));
      }
      const byValue = clipByValue(grads, ...f.valueRange);
      // Clamping is exact in float32: the recorded values, rounded to float32, must match bit for bit.
      byValue.forEach((c, k) => expect(Array.from(c.dataSync())).toEqual((f.clippedByValue[k] as number[]).flat(3).map(Math.fround)));
      disposeAll(grads, clipped, byValue);
    });
  }

  for (const f of flowCases) {
    it(`gradient norms through time (${f.kind}) match torch.autograd.functional.jacobian on a log scale`, () => {
      const params = { kernel: tf.tensor2d(f.keras.kernel), recurrentKernel: tf.tensor2d(f.keras.recurrentKernel), bias: tf.tensor1d(f.keras.bias) };
      const x = tf.tensor3d(f.x);
      const norms = f.kind === 'rnn' ? gradientNormsThroughTime('rnn', params, x) : gradientNormsThroughTime('lstm', params, x);
      expect(norms).toHaveLength(f.norms.length);
      // The norms span orders of magnitude: compare log10 values (architecture.md).
      norms.forEach((v, t) => expect(Math.abs(Math.log10(v) - Math.log10(f.norms[t])), `t = ${t}`).toBeLessThan(1e-3));
      disposeAll(params, x);
    });
  }
});

function flat2(t: tf.Tensor): M {
  return t.arraySync() as M;
}

function shapeOf(value: unknown): number[] {
  return Array.isArray(value) ? [value.length, ...shapeOf(value[0])] : [];
}
