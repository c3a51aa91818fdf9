// The baseline a training chart draws: the spec's recorded baseline score for the metric the test checks, and which axis it belongs on.
import type { CaseSpec } from '@/lib/grader/spec';
import type { TrainingBaseline } from '../editor/grading-protocol';

/**
 * The baseline of a metric test, or null for a test without a metric. A metric where higher is better
 * (accuracy, recall, exact match) is drawn against the accuracy the learner's fit reports; a plain MSE
 * against the training loss (the same quantity); anything else (ratios such as RMSE ÷ persistence RMSE)
 * has no curve of its own to sit on and is only named in the caption.
 */
export function trainingBaselineOf(c: CaseSpec | undefined): TrainingBaseline | null {
  const m = c?.metric;
  if (!m) return null;
  const axis = m.direction === 'higher' ? 'metric' : /\bMSE\b/.test(m.metric) && !m.metric.includes('÷') ? 'loss' : null;
  return { metric: m.metric, value: m.baseline, direction: m.direction, axis };
}
