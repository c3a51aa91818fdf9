// Public API of the reference recurrent layers: LSTM, GRU, vanilla RNN, BPTT, clipping, layouts, seeded init.
export type { GruParams, LstmParams, RnnParams, RnnSizes } from './params';
export { assertShape, gruSizes, lstmSizes, rnnSizes } from './params';
export type { LstmGates, LstmStepResult } from './cell';
export { lstmCellStep } from './cell';
export type { LstmCache, LstmForwardResult, LstmInitialState, LstmStepCache } from './forward';
export { disposeLstmCache, lstmForward } from './forward';
export type { LstmGateGradients, LstmGradients } from './backward';
export { lstmBackward } from './backward';
export type {
  GruCache,
  GruForwardResult,
  GruGateGradients,
  GruGates,
  GruGradients,
  GruStepCache,
  GruStepResult,
} from './gru';
export { disposeGruCache, gruBackward, gruCellStep, gruForward } from './gru';
export type { RnnCache, RnnForwardResult, RnnGradients, RnnStepCache } from './rnn';
export { disposeRnnCache, rnnBackward, rnnCellStep, rnnForward } from './rnn';
export type { ClipByGlobalNormResult } from './clipping';
export { clipByGlobalNorm, clipByValue } from './clipping';
export { gradientNormsThroughTime } from './gradient-flow';
export type { PytorchGruWeights, PytorchLstmWeights } from './pytorch-layout';
export { gruParamsFromPytorch, gruParamsToPytorch, lstmParamsFromPytorch, lstmParamsToPytorch } from './pytorch-layout';
export type { InitOptions } from './init';
export { glorotUniformValues, initGruParams, initLstmParams, initRnnParams, orthogonalValues } from './init';
export type { Rng } from './random';
export { createRng, mulberry32 } from './random';
