// Benchmark of our wasm kernels: stock wasm vs ours vs cpu on LSTM training steps (npx tsx tests/bench/wasm-kernels.ts).
//
// Prints one table: median ms per step after warm-up, and ratios. Options:
//   --sizes=small|big|all   which LSTM sizes (default all)
//   --no-cpu-big            skip the big cpu runs (≈ 30 s per step each)
// Figures are noisy on a shared machine: run it on an idle one and compare within a run, not across runs.
import { performance } from 'node:perf_hooks';
import { disposeLstmCache, initLstmParams, lstmBackward, lstmForward } from '@/lib/lstm';
import { ready, tf } from '@/lib/tfjs';
import { registerWasmKernelFixes, unregisterWasmKernelFixes } from '@/lib/tfjs/kernels';

type Size = { label: string; big: boolean; B: number; T: number; I: number; H: number };
type Variant = 'stock' | 'ours' | 'cpu';
/** A prepared workload: `run` does one step; `dispose` frees what `prepare` made. */
type Workload = { run: () => void; dispose: () => void };
/** `cpuBig: false` skips cpu at the big size (the forward+backward rows compare wasm implementations). */
type Case = { name: string; cpuBig: boolean; prepare: (size: Size) => Workload };

const SIZES: Size[] = [
  { label: 'B32 T50 I16 H64', big: false, B: 32, T: 50, I: 16, H: 64 },
  { label: 'B64 T100 I64 H256', big: true, B: 64, T: 100, I: 64, H: 256 },
];
const VOCAB = 1000;

const args = new Set(process.argv.slice(2));
const sizeArg = [...args].find((a) => a.startsWith('--sizes='))?.split('=')[1] ?? 'all';
const skipCpuBig = args.has('--no-cpu-big');

const glorot = (seed: number) => tf.initializers.glorotUniform({ seed });

/** x [B, T, I] and y [B, 1] from a fixed seed. */
function sequenceData({ B, T, I }: Size) {
  return { x: tf.randomNormal([B, T, I], 0, 1, 'float32', 1), y: tf.randomNormal([B, 1], 0, 1, 'float32', 2) };
}

function lstmLayer({ H }: Size, inputShape?: number[]) {
  return tf.layers.lstm({
    units: H,
    inputShape,
    recurrentActivation: 'sigmoid',
    kernelInitializer: glorot(3),
    recurrentInitializer: glorot(4), // orthogonal init of H=256 takes seconds: not what we measure
  });
}

/** One SGD step of `model` on (x, y), mean squared error. */
function trainingStep(model: tf.LayersModel, x: tf.Tensor, y: tf.Tensor): Workload {
  const optimizer = tf.train.sgd(1e-3);
  return {
    run: () => {
      const loss = optimizer.minimize(
        () => tf.losses.meanSquaredError(y, model.apply(x, { training: true }) as tf.Tensor) as tf.Scalar,
        true,
      );
      loss?.dataSync();
      loss?.dispose();
    },
    dispose: () => {
      optimizer.dispose();
      model.dispose();
      tf.dispose([x, y]);
    },
  };
}

const CASES: Case[] = [
  {
    name: 'train step: lstm → dense',
    cpuBig: true,
    prepare: (size) => {
      const { x, y } = sequenceData(size);
      const model = tf.sequential({
        layers: [lstmLayer(size, [size.T, size.I]), tf.layers.dense({ units: 1, kernelInitializer: glorot(5) })],
      });
      return trainingStep(model, x, y);
    },
  },
  {
    name: 'train step: embedding → lstm → dense',
    cpuBig: true,
    prepare: (size) => {
      const tokens = tf.randomUniform([size.B, size.T], 0, VOCAB, 'int32', 6); // [B, T]
      const y = tf.randomNormal([size.B, 1], 0, 1, 'float32', 7);
      const model = tf.sequential({
        layers: [
          tf.layers.embedding({ inputDim: VOCAB, outputDim: size.I, inputLength: size.T, embeddingsInitializer: glorot(8) }),
          lstmLayer(size),
          tf.layers.dense({ units: 1, kernelInitializer: glorot(9) }),
        ],
      });
      return trainingStep(model, tokens, y);
    },
  },
  {
    name: 'train step: conv1d → lstm → dense',
    cpuBig: true,
    prepare: (size) => {
      const { x, y } = sequenceData(size);
      const model = tf.sequential({
        layers: [
          tf.layers.conv1d({
            filters: size.I,
            kernelSize: 3,
            padding: 'same',
            activation: 'relu',
            inputShape: [size.T, size.I],
            kernelInitializer: glorot(10),
          }),
          lstmLayer(size),
          tf.layers.dense({ units: 1, kernelInitializer: glorot(11) }),
        ],
      });
      return trainingStep(model, x, y);
    },
  },
  {
    name: 'fwd+bwd: tf.layers.lstm + tf.grad',
    cpuBig: false,
    prepare: (size) => {
      const { x } = sequenceData(size);
      const layer = lstmLayer(size);
      layer.apply(x); // builds the weights
      const weights = layer.trainableWeights.map((w) => w.read() as tf.Variable);
      return {
        run: () => {
          const { grads, value } = tf.variableGrads(() => tf.sum(layer.apply(x) as tf.Tensor) as tf.Scalar, weights);
          value.dataSync();
          tf.dispose([value, ...Object.values(grads)]);
        },
        dispose: () => {
          layer.dispose();
          x.dispose();
        },
      };
    },
  },
  {
    name: 'fwd+bwd: lib/lstm reference (BPTT)',
    cpuBig: false,
    prepare: (size) => {
      const { x } = sequenceData(size);
      const params = initLstmParams({ inputSize: size.I, hiddenSize: size.H, seed: 12 });
      const dhT = tf.ones([size.B, size.H]) as tf.Tensor2D; // ∂(sum hT)/∂hT
      return {
        run: () => {
          const { hSeq, hT, cT, cache } = lstmForward(x as tf.Tensor3D, params);
          const grads = lstmBackward(cache, null, dhT);
          grads.dKernel.dataSync();
          tf.dispose([hSeq, hT, cT, grads.dx, grads.dh0, grads.dc0, grads.dKernel, grads.dRecurrentKernel, grads.dBias]);
          tf.dispose(Object.values(grads.dGates));
          disposeLstmCache(cache);
        },
        dispose: () => tf.dispose([x, dhT, params.kernel, params.recurrentKernel, params.bias]),
      };
    },
  },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function timeOnce(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Switches to the backend and kernel set of `variant`. */
async function switchTo(variant: Variant): Promise<void> {
  await ready({ backend: variant === 'cpu' ? 'cpu' : 'wasm' });
  if (variant === 'ours') registerWasmKernelFixes();
  if (variant === 'stock') unregisterWasmKernelFixes();
}

type Cell = { ms: number; reps: number } | { error: string } | null;

/** Runs stock and ours interleaved on one wasm workload (drift on a shared machine hits both alike). */
async function measureWasm(kase: Case, size: Size): Promise<{ stock: Cell; ours: Cell }> {
  await switchTo('ours');
  const workload = kase.prepare(size);
  const warmups = size.big ? 1 : 2;
  const reps = size.big ? 3 : 9;
  const times: Record<'stock' | 'ours', number[]> = { stock: [], ours: [] };
  let stockError: string | null = null;
  try {
    for (let i = 0; i < warmups + reps; i++) {
      for (const variant of ['ours', 'stock'] as const) {
        if (variant === 'stock' && stockError) continue;
        await switchTo(variant);
        try {
          const ms = timeOnce(workload.run);
          if (i >= warmups) times[variant].push(ms);
        } catch (error) {
          stockError = (error as Error).message.replace(/ for backend 'wasm'/, '');
        }
      }
    }
  } finally {
    await switchTo('ours');
    workload.dispose();
  }
  return {
    stock: stockError ? { error: stockError } : { ms: median(times.stock), reps },
    ours: { ms: median(times.ours), reps },
  };
}

async function measureCpu(kase: Case, size: Size): Promise<Cell> {
  if (size.big && (skipCpuBig || !kase.cpuBig)) return null;
  await switchTo('cpu');
  const workload = kase.prepare(size);
  try {
    // Big: ≈ 30 s a step, so a single timed step (its first-call overhead is negligible at that size).
    const warmups = size.big ? 0 : 1;
    const reps = size.big ? 1 : 3;
    const times: number[] = [];
    for (let i = 0; i < warmups + reps; i++) {
      const ms = timeOnce(workload.run);
      if (i >= warmups) times.push(ms);
    }
    return { ms: median(times), reps };
  } finally {
    workload.dispose();
  }
}

const fmt = (cell: Cell) =>
  cell == null ? 'skipped' : 'error' in cell ? 'fails' : `${cell.ms.toFixed(cell.ms < 100 ? 1 : 0)}${cell.reps === 1 ? ' (1 rep)' : ''}`;
const ratio = (a: Cell, b: Cell) => (a && b && 'ms' in a && 'ms' in b ? `${(a.ms / b.ms).toFixed(2)}×` : '—');

async function main(): Promise<void> {
  const sizes = SIZES.filter((s) => sizeArg === 'all' || (sizeArg === 'big') === s.big);
  const rows: string[][] = [];
  const errors = new Set<string>();
  for (const size of sizes) {
    for (const kase of CASES) {
      const { stock, ours } = await measureWasm(kase, size);
      const cpu = await measureCpu(kase, size);
      if (stock && 'error' in stock) errors.add(stock.error);
      const row = [kase.name, size.label, fmt(stock), fmt(ours), fmt(cpu), ratio(ours, stock), ratio(ours, cpu)];
      rows.push(row);
      console.error(`measured: ${row.join(' | ')}`); // progress, in case a long run is cut short
    }
  }
  const header = ['workload', 'size', 'wasm stock ms', 'wasm ours ms', 'cpu ms', 'ours/stock', 'ours/cpu'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ');
  console.log(`\nNode ${process.version}, tfjs ${tf.version.tfjs}; median ms per step after warm-up (small: 9 reps, big: 3 reps)`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  rows.forEach((r) => console.log(line(r)));
  errors.forEach((e) => console.log(`fails = ${e}`));
}

await main();
