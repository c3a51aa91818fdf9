// Unpack (tf.unstack) for wasm built on our in-place Slice: T slices of a [B, T, I] sequence cost O(B·T·I) in all.
// The stock kernel calls the stock Slice directly, which copies the whole input once per output (see slice.ts).
import { Unpack } from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import { sliceWasm } from './slice';
import type { WasmBackend } from './wasm-heap';

/** Kernel function: Unpack({value}, {axis}) → value.shape[axis] tensors without that axis. */
const unpackKernel: KernelFunc = ({ inputs, backend, attrs }) => {
  const { value } = inputs as { value: TensorInfo };
  const rank = value.shape.length;
  const { axis: requestedAxis } = attrs as { axis: number };
  const axis = requestedAxis < 0 ? requestedAxis + rank : requestedAxis;
  const outShape = value.shape.filter((_, d) => d !== axis);
  const begin = new Array<number>(rank).fill(0);
  const size = [...value.shape];
  size[axis] = 1;
  const outs: TensorInfo[] = [];
  for (let i = 0; i < value.shape[axis]; i++) {
    begin[axis] = i;
    const part = sliceWasm(backend as WasmBackend, value, begin, size);
    outs.push({ dataId: part.dataId, dtype: part.dtype, shape: outShape });
  }
  return outs;
};

/** Our Unpack config for backend 'wasm'. */
export const unpackConfig: KernelConfig = { kernelName: Unpack, backendName: 'wasm', kernelFunc: unpackKernel };
