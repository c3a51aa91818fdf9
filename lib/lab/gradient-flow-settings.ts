// The gradient-flow chart's sliders (zod-checked) and the key numbers of a curve; no tfjs, so the page can use them.
import { z } from 'zod';

/** Input features of the sequence the chart differentiates through. */
export const GRADIENT_FLOW_INPUT_SIZE = 2;

/** The sliders, with their ranges (zod-checked: the worker receives them as a message). */
export const gradientFlowSettingsSchema = z.object({
  /** sequence length T */
  steps: z.number().int().min(2).max(120),
  hiddenSize: z.number().int().min(1).max(32),
  /** the forget-gate block of the LSTM bias (Jozefowicz et al. 2015 recommend 1) */
  forgetBias: z.number().min(-5).max(5),
  /** multiplies both recurrent kernels (orthogonal at 1): < 1 vanishes, > 1 can explode */
  recurrentScale: z.number().min(0.1).max(3),
  seed: z.number().int(),
});
export type GradientFlowSettings = z.infer<typeof gradientFlowSettingsSchema>;

export const DEFAULT_GRADIENT_FLOW_SETTINGS: GradientFlowSettings = { steps: 50, hiddenSize: 8, forgetBias: 1, recurrentScale: 1, seed: 7 };

/** The key numbers of a curve for the text summary: its ends and how many decades it falls (or rises) from t = T−1 back to t = 0. */
export interface CurveSummary {
  first: number;
  last: number;
  /** log10(first / last): negative = the gradient from early steps vanished, positive = it grew */
  decades: number;
}

export function summarizeCurve(norms: number[]): CurveSummary {
  const first = norms[0];
  const last = norms[norms.length - 1];
  const decades = first > 0 && last > 0 ? Math.log10(first / last) : first > 0 ? Infinity : -Infinity;
  return { first, last, decades };
}

/**
 * The largest |log10(a_t / b_t)| over the steps: how far apart two gradient-norm curves are on the chart's
 * log scale. Infinity when the lengths differ or a value cannot be compared (zero, negative, NaN).
 */
export function decadesApart(a: number[], b: number[]): number {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  for (let t = 0; t < a.length; t++) {
    const gap = Math.abs(Math.log10(a[t]) - Math.log10(b[t]));
    if (!Number.isFinite(gap)) return Infinity;
    worst = Math.max(worst, gap);
  }
  return worst;
}
