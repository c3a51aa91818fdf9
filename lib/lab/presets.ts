// The gate inspector's three tasks as seeded data: counting, delayed copy, noisy sine. Pure JS, no tfjs.
import { createRng, type Rng } from '../lstm/random';

/** The preset tasks the shipped weights were trained on. */
export const PRESET_TASKS = ['counting', 'delayed-copy', 'noisy-sine'] as const;
export type PresetTask = (typeof PRESET_TASKS)[number];

/** A batch of scalar sequences: inputs[b][t] is x_t, targets[b][t] is what the readout should give at t. */
export interface PresetBatch {
  /** [B][T] */
  inputs: number[][];
  /** [B][T] */
  targets: number[][];
  /** Steps before this one are not scored (the copy has nothing to copy yet, the sine needs a warm-up). */
  firstScoredStep: number;
}

/** Shape of each task: steps per sequence, hidden units of its tiny LSTM, and what its readout outputs. */
export interface PresetSpec {
  steps: number;
  hiddenSize: number;
  /** 'linear': a real number (a count, a sine value); 'sigmoid': the probability of a 1 bit. */
  output: 'linear' | 'sigmoid';
}

export const PRESET_SPECS: Record<PresetTask, PresetSpec> = {
  counting: { steps: 12, hiddenSize: 4, output: 'linear' },
  'delayed-copy': { steps: 12, hiddenSize: 6, output: 'sigmoid' },
  'noisy-sine': { steps: 24, hiddenSize: 6, output: 'linear' },
};

/** How many steps back the delayed-copy task copies from. */
export const COPY_DELAY = 3;
/** Standard deviation of the noise added to the sine. */
export const SINE_NOISE = 0.1;

function bits(rng: Rng, steps: number): number[] {
  return Array.from({ length: steps }, () => (rng.next() < 0.5 ? 1 : 0));
}

function countingSequence(rng: Rng, steps: number) {
  const inputs = bits(rng, steps);
  let count = 0;
  const targets = inputs.map((x) => (count += x));
  return { inputs, targets };
}

function delayedCopySequence(rng: Rng, steps: number) {
  const inputs = bits(rng, steps);
  const targets = inputs.map((_, t) => (t >= COPY_DELAY ? inputs[t - COPY_DELAY] : 0));
  return { inputs, targets };
}

/** x_t = sin(ωt + φ) + noise; the target at t is the next observation x_{t+1}. */
function noisySineSequence(rng: Rng, steps: number) {
  const omega = rng.uniform(0.3, 0.7);
  const phase = rng.uniform(0, 2 * Math.PI);
  const observed = Array.from({ length: steps + 1 }, (_, t) => Math.sin(omega * t + phase) + rng.normal(0, SINE_NOISE));
  return { inputs: observed.slice(0, steps), targets: observed.slice(1) };
}

const FIRST_SCORED_STEP: Record<PresetTask, number> = { counting: 0, 'delayed-copy': COPY_DELAY, 'noisy-sine': 4 };

/** `batch` sequences of `task`, the same for the same seed. */
export function presetBatch(task: PresetTask, seed: number, batch: number): PresetBatch {
  const rng = createRng(seed);
  const { steps } = PRESET_SPECS[task];
  const make = task === 'counting' ? countingSequence : task === 'delayed-copy' ? delayedCopySequence : noisySineSequence;
  const rows = Array.from({ length: batch }, () => make(rng, steps));
  return { inputs: rows.map((r) => r.inputs), targets: rows.map((r) => r.targets), firstScoredStep: FIRST_SCORED_STEP[task] };
}

/** Seed of the sequence the inspector opens with for each task (fixed, so screenshots and texts stay stable). */
const EXAMPLE_SEED = 2026;

/** The sequence the inspector opens with for each task. */
export function presetExample(task: PresetTask): number[] {
  return presetBatch(task, EXAMPLE_SEED, 1).inputs[0];
}

/** What the readout should give at each step of {@link presetExample} (null before the first scored step). */
export function presetExampleTargets(task: PresetTask): Array<number | null> {
  const batch = presetBatch(task, EXAMPLE_SEED, 1);
  return batch.targets[0].map((y, t) => (t >= batch.firstScoredStep ? y : null));
}

/** How well predictions solve a task, with the naive baseline where the task has one. */
export interface PresetScore {
  /** counting: mean |count error|; delayed copy: bit accuracy; noisy sine: MSE. */
  value: number;
  /** counting: share of steps whose rounded count is exact; sine: MSE of "next = last value"; copy: null. */
  secondary: number | null;
}

/** Scores predictions [B][T] (readout outputs: counts, probabilities or values) against a batch. */
export function scorePreset(task: PresetTask, batch: PresetBatch, predictions: number[][]): PresetScore {
  let sum = 0;
  let secondary = 0;
  let n = 0;
  batch.targets.forEach((row, b) => {
    for (let t = batch.firstScoredStep; t < row.length; t++) {
      const want = row[t];
      const got = predictions[b][t];
      n++;
      if (task === 'counting') {
        sum += Math.abs(got - want);
        secondary += Math.round(got) === want ? 1 : 0;
      } else if (task === 'delayed-copy') {
        sum += (got >= 0.5 ? 1 : 0) === want ? 1 : 0;
      } else {
        sum += (got - want) ** 2;
        secondary += (batch.inputs[b][t] - want) ** 2;
      }
    }
  });
  if (task === 'delayed-copy') return { value: sum / n, secondary: null };
  return { value: sum / n, secondary: secondary / n };
}

/** Most steps a typed sequence may have (the heat-maps stay readable). */
export const MAX_TYPED_STEPS = 40;

/**
 * Reads a typed sequence such as "1, 0, 1 1" or "0.5 -0.2": numbers separated by commas or spaces.
 * Returns the numbers, or an error message (bilingual) when the text is not such a sequence.
 */
export function parseTypedSequence(text: string): { values: number[] } | { error: { en: string; zh: string } } {
  const pieces = text.split(/[\s,;]+/).filter((p) => p.length > 0);
  if (pieces.length === 0) return { error: { en: 'Type at least one number.', zh: '请至少输入一个数。' } };
  if (pieces.length > MAX_TYPED_STEPS) {
    return { error: { en: `At most ${MAX_TYPED_STEPS} steps.`, zh: `最多 ${MAX_TYPED_STEPS} 个时间步。` } };
  }
  const values = pieces.map(Number);
  const bad = pieces.find((_, k) => !Number.isFinite(values[k]) || Math.abs(values[k]) > 100);
  if (bad !== undefined) return { error: { en: `"${bad}" is not a number between −100 and 100.`, zh: `“${bad}”不是 −100 到 100 之间的数。` } };
  return { values };
}
