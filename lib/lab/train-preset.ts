// Trains one preset task's tiny LSTM or GRU + readout from a seed (used by `npm run train:lab-weights`): same seed, same weights.
import { createRng, glorotUniformValues, initGruParams, initLstmParams } from '../lstm';
import { tf } from '../tfjs';
import { hiddenSequence, readout, roundForJson, sequencesTensor, type CellParams, type LabCell, type LabWeights } from './lab-weights';
import { PRESET_SPECS, presetBatch, type PresetTask } from './presets';

/** Optimiser settings of one task (tuned once by hand; the shipped scores are checked by tests/unit/lab/lab-weights.test.ts). */
export interface TrainingPlan {
  steps: number;
  batch: number;
  learningRate: number;
}

export const TRAINING_PLANS: Record<PresetTask, TrainingPlan> = {
  counting: { steps: 600, batch: 32, learningRate: 0.03 },
  'delayed-copy': { steps: 900, batch: 32, learningRate: 0.03 },
  'noisy-sine': { steps: 600, batch: 32, learningRate: 0.02 },
};

/** Seeds of the training batches are `seed · 1e6 + step`; evaluation uses other seeds (< 1e6). */
const BATCH_SEED_STRIDE = 1_000_000;

/** Fresh cell weights as variables: Keras init, the LSTM with a unit forget bias. */
function initialCell(cell: LabCell, hiddenSize: number, seed: number): CellParams {
  const options = { inputSize: 1, hiddenSize, seed };
  // tf.variable copies the initial values; the initialisers' tensors are freed right after.
  if (cell === 'lstm') {
    const p = initLstmParams({ ...options, unitForgetBias: true });
    const params = { kernel: tf.variable(p.kernel), recurrentKernel: tf.variable(p.recurrentKernel), bias: tf.variable(p.bias) };
    tf.dispose([p.kernel, p.recurrentKernel, p.bias]);
    return { cell, params };
  }
  const p = initGruParams(options);
  const params = { kernel: tf.variable(p.kernel), recurrentKernel: tf.variable(p.recurrentKernel), bias: tf.variable(p.bias) };
  tf.dispose([p.kernel, p.recurrentKernel, p.bias]);
  return { cell, params };
}

/** Trains `cell` on `task` from `seed` with Adam; returns the weights rounded for JSON. */
export function trainPreset(task: PresetTask, cell: LabCell, seed: number, plan: TrainingPlan = TRAINING_PLANS[task]): LabWeights {
  const { hiddenSize: H, output } = PRESET_SPECS[task];
  const recurrent = initialCell(cell, H, seed);
  const [readoutKernel, readoutBias] = tf.tidy(() => [
    tf.variable(tf.tensor2d(glorotUniformValues(H, 1, createRng(seed + 1)), [H, 1])), // [H, 1]
    tf.variable(tf.tensor1d([0])), // [1]
  ]) as [tf.Variable<tf.Rank.R2>, tf.Variable<tf.Rank.R1>];
  const optimizer = tf.train.adam(plan.learningRate);
  const { kernel, recurrentKernel, bias } = recurrent.params;
  const variables = [kernel, recurrentKernel, bias, readoutKernel, readoutBias] as tf.Variable[];

  for (let step = 0; step < plan.steps; step++) {
    const data = presetBatch(task, seed * BATCH_SEED_STRIDE + step, plan.batch);
    const from = data.firstScoredStep;
    const T = data.inputs[0].length;
    optimizer.minimize(
      () => {
        const hSeq = hiddenSequence(recurrent, sequencesTensor(data.inputs)); // [B, T, H]
        const y = readout({ task, readoutKernel, readoutBias }, hSeq).slice([0, from], [-1, T - from]); // [B, T - from]
        const target = tf.tensor2d(data.targets).slice([0, from], [-1, T - from]); // [B, T - from]
        return (output === 'sigmoid' ? tf.losses.logLoss(target, y) : tf.losses.meanSquaredError(target, y)) as tf.Scalar;
      },
      false,
      variables,
    );
  }

  const weights: LabWeights = {
    task,
    cell,
    seed,
    trainingSteps: plan.steps,
    kernel: (kernel.arraySync() as number[][]).map(roundForJson),
    recurrentKernel: (recurrentKernel.arraySync() as number[][]).map(roundForJson),
    bias: roundForJson(bias.dataSync() as Float32Array),
    readoutKernel: (readoutKernel.arraySync() as number[][]).map(roundForJson),
    readoutBias: roundForJson(readoutBias.dataSync() as Float32Array),
  };
  tf.dispose(variables);
  optimizer.dispose();
  return weights;
}
