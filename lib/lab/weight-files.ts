// Where the shipped weights are written (Node only: the training script) and the seed they are trained from.
import type { LabCell } from './lab-weights';
import type { PresetTask } from './presets';

/** The seed `npm run train:lab-weights` trains every task from. */
export const LAB_WEIGHTS_SEED = 13;

/** Absolute path of a task's weight file: weights/<task>.json for the LSTM, weights/gru-<task>.json for the GRU. */
export function weightsFileOf(task: PresetTask, cell: LabCell): string {
  return new URL(`./weights/${cell === 'lstm' ? '' : 'gru-'}${task}.json`, import.meta.url).pathname;
}
