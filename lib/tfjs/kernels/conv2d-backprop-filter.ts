// Conv2DBackpropFilter for wasm (the stock backend lacks it; Conv1D, Conv2D and timeDistributed(conv2d) need it).
//
// Choice: im2col in JS, then the fast matMul. cols [P, K] (P = N·outH·outW patches, K = fh·fw·inC) is filled
// patch by patch — each filter tap copies a contiguous run of inC channels — and dW = colsᵀ · dy goes through
// `matMulWasm` (stock Transpose + XNNPACK). A direct JS loop costs P·K·outC scalar multiply-adds instead.
// Only channels-last (NHWC) data: the wasm Conv2D forward kernel supports nothing else.
import { backend_util, Conv2DBackpropFilter } from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import { matMulWasm } from './batch-mat-mul';
import { im2col } from './im2col';
import { allocate, disposeInfo, heapView, reshapeView, type WasmBackend } from './wasm-heap';

type Conv2DBackpropFilterAttrs = {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
};

/** Kernel function: Conv2DBackpropFilter({x, dy}, attrs) → dW [fh, fw, inC, outC]. */
const conv2DBackpropFilterKernel: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as WasmBackend;
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as Conv2DBackpropFilterAttrs;
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    backend_util.convertConv2DDataFormat(dataFormat),
  );
  if (info.dataFormat !== 'channelsLast') {
    throw new Error(`wasm Conv2DBackpropFilter supports dataFormat 'NHWC' only, got '${dataFormat}'.`);
  }
  const patches = info.batchSize * info.outHeight * info.outWidth;
  const k = info.filterHeight * info.filterWidth * info.inChannels;
  const cols = allocate(wasm, [patches, k], 'float32'); // [P, K]
  im2col(heapView(wasm, x) as Float32Array, heapView(wasm, cols) as Float32Array, info);
  const dy2d = reshapeView(dy, [patches, info.outChannels]); // [P, outC]
  const dW = matMulWasm(wasm, cols, dy2d, true, false); // [K, outC]
  disposeInfo(wasm, cols);
  return reshapeView(dW, [...filterShape]); // [fh, fw, inC, outC]
};

/** Our Conv2DBackpropFilter config for backend 'wasm'. */
export const conv2DBackpropFilterConfig: KernelConfig = {
  kernelName: Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2DBackpropFilterKernel,
};
