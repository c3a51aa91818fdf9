// UnsortedSegmentSum for wasm (the stock backend lacks it; it is the gradient of gather, e.g. of an Embedding layer).
//
// Choice, by measurement: one pass of plain JS over the heap views, out[id] += x[i] row by row — O(N·D).
// The composed alternative (one-hot [N, S] transposed times x) is O(N·S·D) and loses badly for real vocabularies.
// Segment ids outside [0, numSegments) are skipped, as on the cpu backend.
import { UnsortedSegmentSum, util } from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import { allocate, heapView, type WasmBackend } from './wasm-heap';

/** Kernel function: UnsortedSegmentSum({x, segmentIds}, {numSegments}) → [numSegments, ...x.shape[1:]]. */
const unsortedSegmentSumKernel: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as WasmBackend;
  const { x, segmentIds } = inputs as { x: TensorInfo; segmentIds: TensorInfo };
  const { numSegments } = attrs as { numSegments: number };
  if (x.dtype !== 'float32' && x.dtype !== 'int32') {
    throw new Error(`UnsortedSegmentSum on wasm supports float32 and int32, got ${x.dtype}.`);
  }
  const rows = segmentIds.shape.length === 0 ? 1 : util.sizeFromShape(segmentIds.shape);
  const rowSize = util.sizeFromShape(x.shape) / Math.max(rows, 1);
  const outShape = [numSegments, ...x.shape.slice(segmentIds.shape.length)];
  const out = allocate(wasm, outShape, x.dtype); // [numSegments, ...rest]
  // Views only after the allocation: it may have grown the heap.
  const outValues = heapView(wasm, out);
  const xValues = heapView(wasm, x);
  const ids = heapView(wasm, segmentIds);
  outValues.fill(0);
  for (let row = 0; row < rows; row++) {
    const segment = ids[row];
    if (segment < 0 || segment >= numSegments) continue;
    const src = row * rowSize;
    const dst = segment * rowSize;
    for (let j = 0; j < rowSize; j++) outValues[dst + j] += xValues[src + j];
  }
  return out;
};

/** Our UnsortedSegmentSum config for backend 'wasm'. */
export const unsortedSegmentSumConfig: KernelConfig = {
  kernelName: UnsortedSegmentSum,
  backendName: 'wasm',
  kernelFunc: unsortedSegmentSumKernel,
};
