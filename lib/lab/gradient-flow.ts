// The gradient-flow chart's data: ‖∂h_T/∂x_t‖ against t for a tanh RNN and an LSTM built from slider settings.
import { z } from 'zod';
import { createRng, gradientNormsThroughTime, initLstmParams, initRnnParams, type LstmParams, type RnnParams } from '../lstm';
import { tf } from '../tfjs';

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

function scaled(t: tf.Tensor2D, factor: number): tf.Tensor2D {
  const out = t.mul(factor) as tf.Tensor2D;
  t.dispose();
  return out;
}

/** The tanh RNN of the settings: glorot kernel, orthogonal recurrent kernel × scale, zero bias. */
export function gradientFlowRnnParams(s: GradientFlowSettings): RnnParams {
  const p = initRnnParams({ inputSize: GRADIENT_FLOW_INPUT_SIZE, hiddenSize: s.hiddenSize, seed: s.seed });
  return { ...p, recurrentKernel: scaled(p.recurrentKernel, s.recurrentScale) };
}

/** The LSTM of the settings: Keras init, recurrent kernel × scale, forget-gate bias set, other biases 0. */
export function gradientFlowLstmParams(s: GradientFlowSettings): LstmParams {
  const H = s.hiddenSize;
  const p = initLstmParams({ inputSize: GRADIENT_FLOW_INPUT_SIZE, hiddenSize: H, seed: s.seed });
  p.bias.dispose();
  const bias = new Float32Array(4 * H).fill(s.forgetBias, H, 2 * H);
  return { ...p, recurrentKernel: scaled(p.recurrentKernel, s.recurrentScale), bias: tf.tensor1d(bias) };
}

/** The input sequence [1, T, I]: standard normal values from the settings' seed. */
export function gradientFlowInput(s: GradientFlowSettings): tf.Tensor3D {
  const rng = createRng(s.seed + 1);
  const values = Array.from({ length: s.steps * GRADIENT_FLOW_INPUT_SIZE }, () => rng.normal());
  return tf.tensor3d(values, [1, s.steps, GRADIENT_FLOW_INPUT_SIZE]); // [1, T, I]
}

/** Both curves of the chart: index t holds ‖∂h_T/∂x_t‖_F. */
export interface GradientFlowCurves {
  rnn: number[];
  lstm: number[];
}

export function gradientFlowCurves(s: GradientFlowSettings): GradientFlowCurves {
  const settings = gradientFlowSettingsSchema.parse(s);
  const x = gradientFlowInput(settings);
  const rnnParams = gradientFlowRnnParams(settings);
  const lstmParams = gradientFlowLstmParams(settings);
  try {
    return {
      rnn: gradientNormsThroughTime('rnn', rnnParams, x),
      lstm: gradientNormsThroughTime('lstm', lstmParams, x),
    };
  } finally {
    tf.dispose([x, rnnParams.kernel, rnnParams.recurrentKernel, rnnParams.bias, lstmParams.kernel, lstmParams.recurrentKernel, lstmParams.bias]);
  }
}

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
