// Scores a task's weights on held-out sequences (the seeds training never draws): the numbers the tests and the script report.
import { disposeLabModel, labModelFromWeights, predictSequences, type LabWeights } from './lab-weights';
import { presetBatch, scorePreset, type PresetScore } from './presets';

/** Seed and size of the evaluation batch. */
export const EVALUATION_SEED = 424242;
export const EVALUATION_BATCH = 256;

export function evaluatePreset(weights: LabWeights): PresetScore {
  const model = labModelFromWeights(weights);
  try {
    const batch = presetBatch(weights.task, EVALUATION_SEED, EVALUATION_BATCH);
    return scorePreset(weights.task, batch, predictSequences(model, batch.inputs));
  } finally {
    disposeLabModel(model);
  }
}
