// The trained weights the app ships (lib/lab/weights/*.json, written by `npm run train:lab-weights`), zod-checked.
import counting from './weights/counting.json';
import delayedCopy from './weights/delayed-copy.json';
import gruCounting from './weights/gru-counting.json';
import gruDelayedCopy from './weights/gru-delayed-copy.json';
import gruNoisySine from './weights/gru-noisy-sine.json';
import noisySine from './weights/noisy-sine.json';
import { labWeightsSchema, type LabCell, type LabWeights } from './lab-weights';
import type { PresetTask } from './presets';

const RAW: Record<LabCell, Record<PresetTask, unknown>> = {
  lstm: { counting, 'delayed-copy': delayedCopy, 'noisy-sine': noisySine },
  gru: { counting: gruCounting, 'delayed-copy': gruDelayedCopy, 'noisy-sine': gruNoisySine },
};

/** The shipped weights of `cell` on `task`; throws if the file does not match its schema (a hand edit, a stale file). */
export function shippedWeights(task: PresetTask, cell: LabCell = 'lstm'): LabWeights {
  const weights = labWeightsSchema.parse(RAW[cell][task]);
  if (weights.task !== task || weights.cell !== cell) throw new Error(`the ${cell} weights of ${task} hold those of ${weights.cell} on ${weights.task}`);
  return weights;
}
