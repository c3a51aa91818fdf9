// SplitV (tf.split) for wasm built on our in-place Slice: the LSTM splits its [B, 4H] gate block every step.
// The stock kernel calls the stock Slice directly, which copies the whole input once per output (see slice.ts).
import { backend_util, SplitV, util } from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import { sliceWasm } from './slice';
import type { WasmBackend } from './wasm-heap';

/** Kernel function: SplitV({x}, {numOrSizeSplits, axis}). */
const splitVKernel: KernelFunc = ({ inputs, backend, attrs }) => {
  const { x } = inputs as { x: TensorInfo };
  const { numOrSizeSplits, axis } = attrs as { numOrSizeSplits: number | number[]; axis: number };
  const splitAxis = util.parseAxisParam(axis, x.shape)[0];
  const splitSizes = backend_util.prepareSplitSize(x as never, numOrSizeSplits, splitAxis);
  const begin = new Array<number>(x.shape.length).fill(0);
  return splitSizes.map((length) => {
    const size = [...x.shape];
    size[splitAxis] = length;
    const part = sliceWasm(backend as WasmBackend, x, begin, size);
    begin[splitAxis] += length;
    return part;
  });
};

/** Our SplitV config for backend 'wasm'. */
export const splitVConfig: KernelConfig = { kernelName: SplitV, backendName: 'wasm', kernelFunc: splitVKernel };
