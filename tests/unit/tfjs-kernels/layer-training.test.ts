// Each layer type the exercises use trains on wasm with our kernels: no missing kernel, and the loss goes down.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { wasmKernelFixesRegistered } from '@/lib/tfjs/kernels';
import { seededValues, startWasmWithFixes } from './helpers';

const SEED = 7;
const init = () => tf.initializers.glorotUniform({ seed: SEED });
const rnnInit = { kernelInitializer: init(), recurrentInitializer: init(), recurrentActivation: 'sigmoid' } as const;

type Example = { name: string; build: () => tf.Sequential; x: () => tf.Tensor; y: () => tf.Tensor; loss: string };

const BATCH = 8;

/** Integer token ids in [1, vocab), deterministic. */
function tokens(shape: [number, number], vocab: number): tf.Tensor {
  const values = seededValues(shape[0] * shape[1], 31);
  return tf.tensor2d(Array.from(values, (v) => 1 + Math.floor(((v + 1) / 2) * (vocab - 1))), shape, 'int32');
}

/** A float tensor from the seeded stream. */
function floats(shape: number[], seed: number): tf.Tensor {
  return tf.tensor(seededValues(shape.reduce((a, b) => a * b, 1), seed), shape);
}

/** Binary targets that depend on the inputs' sum, so there is something learnable. */
function targetsFrom(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.cast(tf.greater(tf.sum(tf.reshape(tf.cast(x, 'float32'), [BATCH, -1]), 1, true), 0), 'float32'));
}

function sequential(layers: tf.layers.Layer[]): tf.Sequential {
  const model = tf.sequential();
  layers.forEach((layer) => model.add(layer));
  return model;
}

const dense = (units: number, activation?: 'sigmoid' | 'relu' | 'softmax', inputShape?: number[]) =>
  tf.layers.dense({ units, activation, inputShape, kernelInitializer: init() });

const EXAMPLES: Example[] = [
  {
    name: 'embedding',
    build: () =>
      sequential([
        tf.layers.embedding({ inputDim: 20, outputDim: 6, inputLength: 5, embeddingsInitializer: init() }),
        tf.layers.flatten(),
        dense(1, 'sigmoid'),
      ]),
    x: () => tokens([BATCH, 5], 20),
    y: () => tf.tensor2d([1, 0, 1, 1, 0, 0, 1, 0], [BATCH, 1]),
    loss: 'binaryCrossentropy',
  },
  {
    name: 'lstm',
    build: () => sequential([tf.layers.lstm({ units: 8, inputShape: [6, 3], ...rnnInit }), dense(1)]),
    x: () => floats([BATCH, 6, 3], 32),
    y: () => floats([BATCH, 1], 33),
    loss: 'meanSquaredError',
  },
  {
    name: 'gru',
    build: () => sequential([tf.layers.gru({ units: 8, inputShape: [6, 3], ...rnnInit }), dense(1)]),
    x: () => floats([BATCH, 6, 3], 34),
    y: () => floats([BATCH, 1], 35),
    loss: 'meanSquaredError',
  },
  {
    name: 'conv1d',
    build: () =>
      sequential([
        tf.layers.conv1d({ filters: 4, kernelSize: 3, inputShape: [10, 2], kernelInitializer: init() }),
        tf.layers.globalAveragePooling1d(),
        dense(1, 'sigmoid'),
      ]),
    x: () => floats([BATCH, 10, 2], 36),
    y: () => targetsFrom(floats([BATCH, 10, 2], 36)),
    loss: 'binaryCrossentropy',
  },
  {
    name: 'conv2d',
    build: () =>
      sequential([
        tf.layers.conv2d({ filters: 3, kernelSize: 3, strides: 2, padding: 'same', inputShape: [7, 7, 1], kernelInitializer: init() }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.flatten(),
        dense(1, 'sigmoid'),
      ]),
    x: () => floats([BATCH, 7, 7, 1], 37),
    y: () => targetsFrom(floats([BATCH, 7, 7, 1], 37)),
    loss: 'binaryCrossentropy',
  },
  {
    name: 'timeDistributed(conv2d) + lstm',
    build: () =>
      sequential([
        tf.layers.timeDistributed({
          layer: tf.layers.conv2d({ filters: 2, kernelSize: 3, kernelInitializer: init() }),
          inputShape: [4, 6, 6, 1],
        }),
        tf.layers.timeDistributed({ layer: tf.layers.flatten() }),
        tf.layers.lstm({ units: 4, ...rnnInit }),
        dense(1, 'sigmoid'),
      ]),
    x: () => floats([BATCH, 4, 6, 6, 1], 38),
    y: () => targetsFrom(floats([BATCH, 4, 6, 6, 1], 38)),
    loss: 'binaryCrossentropy',
  },
  {
    name: 'dense + dropout',
    build: () =>
      sequential([dense(16, 'relu', [5]), tf.layers.dropout({ rate: 0.3, seed: SEED }), dense(3, 'softmax')]),
    x: () => floats([BATCH, 5], 39),
    y: () => tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1], 'int32'), 3),
    loss: 'categoricalCrossentropy',
  },
  {
    name: 'bidirectional lstm with timeDistributed dense',
    build: () =>
      sequential([
        tf.layers.bidirectional({
          layer: tf.layers.lstm({ units: 4, returnSequences: true, ...rnnInit }) as unknown as tf.layers.RNN,
          inputShape: [5, 3],
        }),
        tf.layers.timeDistributed({ layer: dense(1) }),
      ]),
    x: () => floats([BATCH, 5, 3], 40),
    y: () => floats([BATCH, 5, 1], 41),
    loss: 'meanSquaredError',
  },
];

describe('tiny models of every exercise layer type train on wasm', () => {
  beforeAll(startWasmWithFixes);

  it.each(EXAMPLES)('$name: loss goes down', async ({ build, x, y, loss }) => {
    expect(tf.getBackend()).toBe('wasm');
    expect(wasmKernelFixesRegistered()).toBe(true);
    const model = build();
    model.compile({ optimizer: tf.train.adam(0.05), loss });
    const [xs, ys] = [x(), y()];
    const history = await model.fit(xs, ys, { epochs: 12, batchSize: BATCH, shuffle: false, verbose: 0 });
    const losses = history.history.loss as number[];
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses[losses.length - 1]).toBeLessThan(0.8 * losses[0]);
    model.dispose();
    tf.dispose([xs, ys]);
  });
});
