// Which spec grades which exercise in the browser: one lazy import per exercise, so the grading worker loads only the one it needs.
import type { ExerciseSpec } from '@/lib/grader/spec';

type SpecModule = { default: ExerciseSpec };

/** Exercise id → its spec module, loaded on demand (each pulls in lib/lstm and tfjs). */
const SPEC_LOADERS: Record<string, () => Promise<SpecModule>> = {
  '01-lstm-cell-step': () => import('@/content/exercises/01-lstm-cell-step/spec'),
  '02-lstm-forward': () => import('@/content/exercises/02-lstm-forward/spec'),
  '03-lstm-bptt': () => import('@/content/exercises/03-lstm-bptt/spec'),
  '04-gradient-clipping': () => import('@/content/exercises/04-gradient-clipping/spec'),
  '05-gru-cell': () => import('@/content/exercises/05-gru-cell/spec'),
  '06-gradient-flow': () => import('@/content/exercises/06-gradient-flow/spec'),
  '07-train-from-scratch': () => import('@/content/exercises/07-train-from-scratch/spec'),
  '08-sequence-windows-forecast': () => import('@/content/exercises/08-sequence-windows-forecast/spec'),
  '09-multivariate-forecast': () => import('@/content/exercises/09-multivariate-forecast/spec'),
  '10-session-recommendation': () => import('@/content/exercises/10-session-recommendation/spec'),
  '11-text-classification': () => import('@/content/exercises/11-text-classification/spec'),
  '12-sentiment-negation': () => import('@/content/exercises/12-sentiment-negation/spec'),
  '13-seq2seq-translation': () => import('@/content/exercises/13-seq2seq-translation/spec'),
  '14-image-rows-lstm': () => import('@/content/exercises/14-image-rows-lstm/spec'),
  '15-spoken-command-spectrogram': () => import('@/content/exercises/15-spoken-command-spectrogram/spec'),
  '16-action-recognition': () => import('@/content/exercises/16-action-recognition/spec'),
};

/** True when the browser can grade this exercise (its spec is registered above). */
export function hasBrowserSpec(exerciseId: string): boolean {
  return exerciseId in SPEC_LOADERS;
}

/** Loads the spec of `exerciseId`; throws for an exercise the browser cannot grade. */
export async function loadBrowserSpec(exerciseId: string): Promise<ExerciseSpec> {
  const load = SPEC_LOADERS[exerciseId];
  if (!load) throw new Error(`no browser grader is registered for ${exerciseId}`);
  return (await load()).default;
}
