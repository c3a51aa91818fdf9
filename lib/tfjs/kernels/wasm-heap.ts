// Low-level helpers for kernels that work directly on the wasm backend's heap: allocation, views, copies, disposal.
import type { DataType, TensorInfo } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** The wasm backend instance as kernels receive it (`args.backend`). */
export type WasmBackend = BackendWasm;

/** Allocates an uninitialised tensor on the wasm heap; the caller owns it (return it, or `disposeInfo` it). */
export function allocate(backend: WasmBackend, shape: number[], dtype: DataType): TensorInfo {
  return backend.makeOutput(shape, dtype);
}

/** Releases one reference to a tensor the kernel created as an intermediate. */
export function disposeInfo(backend: WasmBackend, info: TensorInfo): void {
  backend.disposeData(info.dataId);
}

/** The same data seen with another shape (no copy, no new reference: never dispose the view itself). */
export function reshapeView(info: TensorInfo, shape: number[]): TensorInfo {
  return { dataId: info.dataId, shape, dtype: info.dtype };
}

/**
 * A typed-array view of a tensor's data on the heap.
 * Any allocation may grow (and detach) the heap, so take views only after the kernel's last allocation.
 */
export function heapView(backend: WasmBackend, info: TensorInfo): Float32Array | Int32Array | Uint8Array {
  return backend.typedArrayFromHeap(info) as Float32Array | Int32Array | Uint8Array;
}

/** Byte offset of a tensor's first element on the heap. */
export function byteOffsetOf(backend: WasmBackend, info: TensorInfo): number {
  return backend.dataIdMap.get(info.dataId).memoryOffset;
}

/**
 * Copies `count` 4-byte elements from `src[srcStart…]` to `dst[dstStart…]` (memmove on the heap).
 * Works for float32 and int32 alike; offsets are in elements.
 */
export function copyElements(
  backend: WasmBackend,
  src: TensorInfo,
  srcStart: number,
  dst: TensorInfo,
  dstStart: number,
  count: number,
): void {
  const heap32 = new Int32Array(backend.wasm.HEAPU8.buffer);
  const srcIndex = byteOffsetOf(backend, src) / 4 + srcStart;
  const dstIndex = byteOffsetOf(backend, dst) / 4 + dstStart;
  heap32.copyWithin(dstIndex, srcIndex, srcIndex + count);
}
