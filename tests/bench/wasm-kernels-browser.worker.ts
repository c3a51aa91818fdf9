// Web Worker bundled by wasm-kernels-browser.ts: times the small tf.layers.lstm training step, stock vs ours vs cpu.
import { ready, tf } from '@/lib/tfjs';
import { registerWasmKernelFixes, unregisterWasmKernelFixes } from '@/lib/tfjs/kernels';

/** What the worker posts back: median ms per step for each variant, or the error that stopped it. */
export type BrowserBenchResult =
  | { ok: true; size: string; reps: number; stockMs: number; oursMs: number; cpuMs: number; backendAfter: string }
  | { ok: false; error: string };

const SIZE = { B: 32, T: 50, I: 16, H: 64 };
const WARMUPS = 2;
const REPS = 9;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The same step as the Node bench: lstm(H, sigmoid gates, glorot init) → dense(1), MSE, one SGD update. */
function lstmTrainingStep(): { run: () => void; dispose: () => void } {
  const { B, T, I, H } = SIZE;
  const x = tf.randomNormal([B, T, I], 0, 1, 'float32', 1); // [B, T, I]
  const y = tf.randomNormal([B, 1], 0, 1, 'float32', 2); // [B, 1]
  const glorot = (seed: number) => tf.initializers.glorotUniform({ seed });
  const model = tf.sequential({
    layers: [
      tf.layers.lstm({
        units: H,
        inputShape: [T, I],
        recurrentActivation: 'sigmoid',
        kernelInitializer: glorot(3),
        recurrentInitializer: glorot(4),
      }),
      tf.layers.dense({ units: 1, kernelInitializer: glorot(5) }),
    ],
  });
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

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

async function measure(): Promise<BrowserBenchResult> {
  await ready({ backend: 'wasm' });
  const wasmStep = lstmTrainingStep();
  const times = { stock: [] as number[], ours: [] as number[] };
  for (let i = 0; i < WARMUPS + REPS; i++) {
    // Interleaved, so drift on a busy machine hits both alike.
    registerWasmKernelFixes();
    const ours = time(wasmStep.run);
    unregisterWasmKernelFixes();
    const stock = time(wasmStep.run);
    if (i >= WARMUPS) {
      times.ours.push(ours);
      times.stock.push(stock);
    }
  }
  registerWasmKernelFixes();
  wasmStep.dispose();

  await ready({ backend: 'cpu' });
  const cpuStep = lstmTrainingStep();
  const cpuTimes: number[] = [];
  for (let i = 0; i < 1 + 3; i++) {
    const ms = time(cpuStep.run);
    if (i >= 1) cpuTimes.push(ms);
  }
  cpuStep.dispose();
  await ready({ backend: 'wasm' });
  return {
    ok: true,
    size: `B${SIZE.B} T${SIZE.T} I${SIZE.I} H${SIZE.H}`,
    reps: REPS,
    stockMs: median(times.stock),
    oursMs: median(times.ours),
    cpuMs: median(cpuTimes),
    backendAfter: tf.getBackend(),
  };
}

self.onmessage = () => {
  measure().then(
    (result) => self.postMessage(result),
    (error: unknown) => self.postMessage({ ok: false, error: String((error as Error)?.stack ?? error) }),
  );
};
