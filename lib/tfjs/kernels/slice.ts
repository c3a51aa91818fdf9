// Slice for wasm that reads its input in place (shared by our Unpack and SplitV).
//
// Why: the stock Slice starts with `backend.readSync(x)`, which copies the whole input off the heap for every
// slice, so unstacking a [B, T, I] sequence costs T full copies and splitting the LSTM's [B, 4H] gate block
// four. Choice: the same row-by-row copy loop, but over in-place heap views — work proportional to the slice.
import { Slice, slice_util, util } from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import { runStockKernel } from './stock-kernels';
import { allocate, heapView, type WasmBackend } from './wasm-heap';

/** Copies the box [begin, begin + size) of `x` into a new tensor; string tensors go to the stock kernel. */
export function sliceWasm(backend: WasmBackend, x: TensorInfo, begin: number[], size: number[]): TensorInfo {
  if (x.dtype === 'string') return runStockKernel(Slice, backend, { x }, { begin, size });
  const [start, extent] = slice_util.parseSliceParams(x as never, begin, size);
  const out = allocate(backend, extent, x.dtype);
  if (util.sizeFromShape(extent) === 0) return out;
  // Views only after the allocation: it may have grown the heap.
  const source = heapView(backend, x);
  const target = heapView(backend, out);
  const strides = util.computeStrides(x.shape);
  if (slice_util.isSliceContinous(x.shape, start, extent)) {
    const offset = slice_util.computeFlatOffset(start, strides);
    target.set(source.subarray(offset, offset + target.length));
    return out;
  }
  // Copy the innermost extent as one run, iterating over all the outer coordinates of the box.
  const rank = x.shape.length;
  const run = extent[rank - 1];
  const outer = extent.slice(0, -1);
  const coord = new Array<number>(rank - 1).fill(0);
  for (let written = 0; written < target.length; written += run) {
    let offset = start[rank - 1];
    for (let d = 0; d < rank - 1; d++) offset += (start[d] + coord[d]) * strides[d];
    target.set(source.subarray(offset, offset + run), written);
    for (let d = rank - 2; d >= 0; d--) {
      if (++coord[d] < outer[d]) break;
      coord[d] = 0;
    }
  }
  return out;
}

/** Kernel function: Slice({x}, {begin, size}). */
const sliceKernel: KernelFunc = ({ inputs, backend, attrs }) => {
  const { x } = inputs as { x: TensorInfo };
  const { begin, size } = attrs as { begin: number | number[]; size: number | number[] };
  return sliceWasm(backend as WasmBackend, x, [begin].flat(), [size].flat());
};

/** Our Slice config for backend 'wasm'. */
export const sliceConfig: KernelConfig = { kernelName: Slice, backendName: 'wasm', kernelFunc: sliceKernel };
