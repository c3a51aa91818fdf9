// The gradient-flow chart's data: ‖∂h_T/∂x_t‖ against t for a tanh RNN and an LSTM built from slider settings.
import { createRng, gradientNormsThroughTime, initLstmParams, initRnnParams, type LstmParams, type RnnParams } from '../lstm';
import { tf } from '../tfjs';
import { GRADIENT_FLOW_INPUT_SIZE, gradientFlowSettingsSchema, type GradientFlowSettings } from './gradient-flow-settings';

export { DEFAULT_GRADIENT_FLOW_SETTINGS, GRADIENT_FLOW_INPUT_SIZE, gradientFlowSettingsSchema, summarizeCurve } from './gradient-flow-settings';
export type { CurveSummary, GradientFlowSettings } from './gradient-flow-settings';

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
