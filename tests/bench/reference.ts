// Benchmark: the reference LSTM (lib/lstm) vs tf.layers.lstm on the same weights, wasm and cpu, printed side by side.
// Run: npx tsx tests/bench/reference.ts [--backends wasm,cpu] [--sizes small,big]
// Figures are medians of one call on the whole batch after warm-up; the machine is shared, so expect noise.
import { disposeLstmCache, initLstmParams, lstmBackward, lstmForward, type LstmParams } from '@/lib/lstm';
import { ready, tf, type TfjsBackend } from '@/lib/tfjs';

interface Size {
  key: 'small' | 'big';
  B: number;
  T: number;
  I: number;
  H: number;
}

const SIZES: Size[] = [
  { key: 'small', B: 32, T: 50, I: 16, H: 64 },
  { key: 'big', B: 64, T: 100, I: 64, H: 256 },
];

/** Warm-up and measured repetitions. The big size on cpu takes tens of seconds per call: one measured call, no warm-up. */
function repetitions(backend: TfjsBackend, size: Size): { warmUp: number; runs: number } {
  if (size.key === 'small') return backend === 'wasm' ? { warmUp: 2, runs: 10 } : { warmUp: 1, runs: 5 };
  return backend === 'wasm' ? { warmUp: 1, runs: 3 } : { warmUp: 0, runs: 1 };
}

function argList(flag: string, fallback: string[]): string[] {
  const k = process.argv.indexOf(flag);
  return k >= 0 && process.argv[k + 1] ? process.argv[k + 1].split(',') : fallback;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median wall-clock ms of `fn`; `fn` reads one result back so that lazy backends finish inside the timing. */
function time(fn: () => void, warmUp: number, runs: number): number {
  for (let k = 0; k < warmUp; k++) fn();
  const ms: number[] = [];
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    fn();
    ms.push(performance.now() - start);
  }
  return median(ms);
}

/** A tf.layers.lstm with our weights (sigmoid gates, so it computes the same function). */
function layersLstm(p: LstmParams, x: tf.Tensor3D): tf.layers.Layer {
  const layer = tf.layers.lstm({
    units: p.recurrentKernel.shape[0],
    recurrentActivation: 'sigmoid',
    returnSequences: true,
    recurrentInitializer: 'glorotUniform', // the default orthogonal initializer takes seconds to build at H = 256
  });
  tf.dispose(layer.apply(x) as tf.Tensor);
  layer.setWeights([p.kernel, p.recurrentKernel, p.bias]);
  return layer;
}

interface Row {
  backend: TfjsBackend;
  size: Size;
  runs: string;
  refForward: number;
  layersForward: number;
  refBackward: number;
  layersGrad: number;
  maxDiff: number;
}

function benchOne(backend: TfjsBackend, size: Size): Row {
  const { B, T, I, H } = size;
  // A nonzero (forget-gate) bias, so that the two implementations' different summation orders show in max|Δh|.
  const p = initLstmParams({ inputSize: I, hiddenSize: H, seed: 1, unitForgetBias: true });
  const x = tf.randomNormal([B, T, I], 0, 1, 'float32', 2) as tf.Tensor3D;
  const dhSeq = tf.randomNormal([B, T, H], 0, 1, 'float32', 3) as tf.Tensor3D;
  const xVar = tf.variable(x);
  const layer = layersLstm(p, x);
  const weights = layer.trainableWeights.map((w) => w.read() as tf.Variable);
  const { warmUp, runs } = repetitions(backend, size);

  const ours = lstmForward(x, p);
  const theirs = layer.apply(x) as tf.Tensor;
  const maxDiff = tf.tidy(() => ours.hSeq.sub(theirs).abs().max().dataSync()[0]);
  disposeLstmCache(ours.cache);
  tf.dispose([ours.hSeq, ours.hT, ours.cT, theirs]);

  const refForward = time(() => {
    const r = lstmForward(x, p);
    r.hT.dataSync();
    disposeLstmCache(r.cache);
    tf.dispose([r.hSeq, r.hT, r.cT]);
  }, warmUp, runs);
  const layersForward = time(() => {
    const out = layer.apply(x) as tf.Tensor;
    out.dataSync();
    out.dispose();
  }, warmUp, runs);
  const refBackward = time(() => {
    const r = lstmForward(x, p);
    const g = lstmBackward(r.cache, dhSeq);
    g.dKernel.dataSync();
    disposeLstmCache(r.cache);
    tf.dispose([r.hSeq, r.hT, r.cT, g.dx, g.dh0, g.dc0, g.dKernel, g.dRecurrentKernel, g.dBias, ...Object.values(g.dGates)]);
  }, warmUp, runs);
  // tf.grad of the same loss w.r.t. the weights and the input (what the reference backward returns).
  const layersGrad = time(() => {
    const { value, grads } = tf.variableGrads(() => (layer.apply(xVar) as tf.Tensor).mul(dhSeq).sum() as tf.Scalar, [...weights, xVar]);
    Object.values(grads)[0].dataSync();
    tf.dispose([value, ...Object.values(grads)]);
  }, warmUp, runs);

  layer.dispose();
  tf.dispose([p.kernel, p.recurrentKernel, p.bias, x, dhSeq, xVar]);
  return { backend, size, runs: `${runs} after ${warmUp}`, refForward, layersForward, refBackward, layersGrad, maxDiff };
}

function printTable(rows: Row[]): void {
  const header = ['backend', 'size', 'runs', 'ref fwd', 'layers fwd', 'ratio', 'ref fwd+bwd', 'layers fwd+tf.grad', 'ratio', 'max|Δh|'];
  const fmt = (ms: number) => ms.toFixed(ms < 100 ? 1 : 0);
  const body = rows.map((r) => [
    r.backend,
    `B${r.size.B} T${r.size.T} I${r.size.I} H${r.size.H}`,
    r.runs,
    fmt(r.refForward),
    fmt(r.layersForward),
    (r.refForward / r.layersForward).toFixed(2),
    fmt(r.refBackward),
    fmt(r.layersGrad),
    (r.refBackward / r.layersGrad).toFixed(2),
    r.maxDiff.toExponential(1),
  ]);
  const widths = header.map((h, k) => Math.max(h.length, ...body.map((row) => row[k].length)));
  const line = (cells: string[]) => cells.map((c, k) => (k < 3 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  ');
  console.log('\nLSTM reference (lib/lstm) vs tf.layers.lstm — median ms per call (one call = the whole batch);');
  console.log('ratio = reference / tf.layers (below 1: the reference is faster). fwd+bwd: reference BPTT vs tf.grad (weights and input).\n');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of body) console.log(line(row));
}

async function main(): Promise<void> {
  const backends = argList('--backends', ['wasm', 'cpu']) as TfjsBackend[];
  const sizes = SIZES.filter((s) => argList('--sizes', ['small', 'big']).includes(s.key));
  const rows: Row[] = [];
  for (const backend of backends) {
    const active = await ready({ backend });
    if (active !== backend) throw new Error(`wanted the ${backend} backend, got ${active}`);
    for (const size of sizes) {
      process.stderr.write(`… ${backend} B${size.B} T${size.T} I${size.I} H${size.H}\n`);
      rows.push(benchOne(backend, size));
    }
  }
  printTable(rows);
}

await main();
