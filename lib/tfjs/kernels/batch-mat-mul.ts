// BatchMatMul for wasm that always reaches the backend's XNNPACK path: transposes are materialised, batches split.
//
// Why: the stock kernel uses XNNPACK only for an untransposed, unbatched product; anything else runs a scalar
// C++ loop (≈ 1 GFLOP/s instead of ≈ 23), and every matMul gradient has a transposed operand. Its batch
// broadcasting is also wrong (it indexes b by a's batch). Choice, by measurement (tests/bench/wasm-kernels.ts):
// compose stock kernels — Transpose (an O(n²) copy) then the stock BatchMatMul on [1, M, K] × [1, K, N]. For a
// single matrix product the cheaper of two rewrites is used, by elements moved (transposes + XNNPACK's packing
// of its right operand): e.g. a·bᵀ as (b·aᵀ)ᵀ when a is the smaller operand — the LSTM's dz·Uᵀ moves 3.5× less.
// A broadcast b folds a's batch into rows (one call); other batches run one XNNPACK call per matrix on heap
// copies, except tiny equal-batch products, where the stock loop is cheaper than per-call overhead.
import { BatchMatMul, broadcast_util, util } from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import { forwardStockDispose, forwardStockSetup, runStockKernel } from './stock-kernels';
import { allocate, copyElements, disposeInfo, reshapeView, type WasmBackend } from './wasm-heap';

/** Below this many multiply-adds per matrix, an equal-batch product uses the stock loop (measured: the loop wins
 * at 12³, per-matrix XNNPACK at 16³ and up, with 16 matrices per call). */
const MIN_MACS_PER_XNNPACK_CALL = 4096;

/** Row-major [batch, rows, cols] form of an operand: a view if already so, else a transposed copy (owned). */
function rowMajor3d(
  backend: WasmBackend,
  x: TensorInfo,
  batch: number,
  rows: number,
  cols: number,
  transposed: boolean,
): { info: TensorInfo; owned: boolean } {
  if (!transposed) return { info: reshapeView(x, [batch, rows, cols]), owned: false };
  const stored = reshapeView(x, [batch, cols, rows]);
  const info = runStockKernel('Transpose', backend, { x: stored }, { perm: [0, 2, 1] }); // [batch, rows, cols]
  return { info, owned: true };
}

/** Transposes a stored [rows, cols] matrix into a new [1, cols, rows] tensor (owned by the caller). */
function transposed2d(backend: WasmBackend, x: TensorInfo, rows: number, cols: number): TensorInfo {
  return runStockKernel('Transpose', backend, { x: reshapeView(x, [1, rows, cols]) }, { perm: [0, 2, 1] });
}

/** Stock (XNNPACK) product of row-major [1, M, K] and [1, K, N] views. */
function xnnProduct(backend: WasmBackend, a: TensorInfo, b: TensorInfo): TensorInfo {
  return runStockKernel(BatchMatMul, backend, { a, b }, { transposeA: false, transposeB: false });
}

/**
 * One [M, N] product with transpose flags, as untransposed XNNPACK calls. Costs in elements moved: transposing
 * an operand, XNNPACK packing its right operand, transposing a result. a·bᵀ: bᵀ then a·bᵀ (2NK) or (b·aᵀ)ᵀ
 * (2MK + MN); aᵀ·b: aᵀ then aᵀ·b (always cheapest); aᵀ·bᵀ: both transposed (KM + 2KN) or (b·a)ᵀ (KM + MN).
 */
function singleProduct(
  backend: WasmBackend,
  a: TensorInfo,
  b: TensorInfo,
  [m, k, n]: [number, number, number],
  transposeA: boolean,
  transposeB: boolean,
): TensorInfo {
  const owned: TensorInfo[] = [];
  const keep = (info: TensorInfo) => (owned.push(info), info);
  try {
    if (!transposeA && !transposeB) return xnnProduct(backend, reshapeView(a, [1, m, k]), reshapeView(b, [1, k, n]));
    if (transposeA && !transposeB) {
      const aRows = keep(transposed2d(backend, a, k, m)); // [1, M, K]
      return xnnProduct(backend, aRows, reshapeView(b, [1, k, n]));
    }
    const swap = transposeA ? m * n < 2 * k * n : 2 * m * k + m * n < 2 * n * k;
    if (swap) {
      // (b·aᵀ)ᵀ or (b·a)ᵀ: b is already [N, K] row-major.
      const right = transposeA ? reshapeView(a, [1, k, m]) : keep(transposed2d(backend, a, m, k)); // [1, K, M]
      const productT = keep(xnnProduct(backend, reshapeView(b, [1, n, k]), right)); // [1, N, M]
      return transposed2d(backend, productT, n, m); // [1, M, N]
    }
    const aRows = transposeA ? keep(transposed2d(backend, a, k, m)) : reshapeView(a, [1, m, k]); // [1, M, K]
    const bRows = keep(transposed2d(backend, b, n, k)); // [1, K, N]
    return xnnProduct(backend, aRows, bRows);
  } finally {
    owned.forEach((info) => disposeInfo(backend, info));
  }
}

/** Index into a broadcast operand's batch for output batch `outIndex` (numpy broadcasting of the outer dims). */
function broadcastBatchIndex(outIndex: number, outOuter: number[], srcOuter: number[]): number {
  let srcIndex = 0;
  let srcStride = 1;
  let rest = outIndex;
  for (let d = outOuter.length - 1; d >= 0; d--) {
    const coord = rest % outOuter[d];
    rest = Math.floor(rest / outOuter[d]);
    const srcDim = d - (outOuter.length - srcOuter.length);
    if (srcDim < 0) continue;
    const size = srcOuter[srcDim];
    if (size !== 1) srcIndex += coord * srcStride;
    srcStride *= size;
  }
  return srcIndex;
}

/**
 * a·b on the wasm backend with the semantics of tf.matMul (transpose flags, broadcast batch dims), float32.
 * Returns a new tensor owned by the caller. Used by our BatchMatMul kernel and by other kernels of ours.
 */
export function matMulWasm(
  backend: WasmBackend,
  a: TensorInfo,
  b: TensorInfo,
  transposeA: boolean,
  transposeB: boolean,
): TensorInfo {
  const aRank = a.shape.length;
  const bRank = b.shape.length;
  const m = transposeA ? a.shape[aRank - 1] : a.shape[aRank - 2];
  const kA = transposeA ? a.shape[aRank - 2] : a.shape[aRank - 1];
  const kB = transposeB ? b.shape[bRank - 1] : b.shape[bRank - 2];
  const n = transposeB ? b.shape[bRank - 2] : b.shape[bRank - 1];
  util.assert(
    kA === kB,
    () =>
      `Error in matMul: inner shapes (${kA}) and (${kB}) of Tensors with shapes ${a.shape} and ` +
      `${b.shape} and transposeA=${transposeA} and transposeB=${transposeB} must match.`,
  );
  const outerA = a.shape.slice(0, -2);
  const outerB = b.shape.slice(0, -2);
  const outOuter = broadcast_util.assertAndGetBroadcastShape(outerA, outerB);
  const outShape = [...outOuter, m, n];
  const batchA = util.sizeFromShape(outerA);
  const batchB = util.sizeFromShape(outerB);
  const outBatch = util.sizeFromShape(outOuter);

  if (a.dtype !== 'float32' || b.dtype !== 'float32' || m * n * kA * outBatch === 0) {
    // Not a case we speed up: the stock kernel raises its own error (dtype) or handles the empty product.
    const out = runStockKernel(BatchMatMul, backend, { a, b }, { transposeA, transposeB });
    return reshapeView(out, outShape);
  }

  if (outBatch === 1) {
    return reshapeView(singleProduct(backend, a, b, [m, kA, n], transposeA, transposeB), outShape);
  }

  const a3 = rowMajor3d(backend, a, batchA, m, kA, transposeA); // [batchA, M, K]
  const b3 = rowMajor3d(backend, b, batchB, kA, n, transposeB); // [batchB, K, N]
  const noFlags = { transposeA: false, transposeB: false };
  let out: TensorInfo;
  try {
    if (batchB === 1) {
      // One matrix b for every batch of a: stack a's batches as rows, one XNNPACK call.
      const aRows = reshapeView(a3.info, [1, batchA * m, kA]); // [1, batchA·M, K]
      out = runStockKernel(BatchMatMul, backend, { a: aRows, b: b3.info }, noFlags); // [1, batchA·M, N]
    } else if (batchA === batchB && m * n * kA < MIN_MACS_PER_XNNPACK_CALL) {
      out = runStockKernel(BatchMatMul, backend, { a: a3.info, b: b3.info }, noFlags); // [batch, M, N]
    } else {
      out = perMatrixProducts(backend, a3.info, b3.info, outOuter, outerA, outerB, m, kA, n);
    }
  } finally {
    if (a3.owned) disposeInfo(backend, a3.info);
    if (b3.owned) disposeInfo(backend, b3.info);
  }
  return reshapeView(out, outShape);
}

/** One XNNPACK product per output matrix; each operand matrix is copied into its own [1, r, c] tensor. */
function perMatrixProducts(
  backend: WasmBackend,
  a3: TensorInfo,
  b3: TensorInfo,
  outOuter: number[],
  outerA: number[],
  outerB: number[],
  m: number,
  k: number,
  n: number,
): TensorInfo {
  const outBatch = util.sizeFromShape(outOuter);
  const batchA = util.sizeFromShape(outerA);
  const out = allocate(backend, [outBatch, m, n], 'float32'); // [batch, M, N]
  for (let i = 0; i < outBatch; i++) {
    const aIndex = broadcastBatchIndex(i, outOuter, outerA);
    const bIndex = broadcastBatchIndex(i, outOuter, outerB);
    // XNNPACK reads each operand from the start of its own tensor and caches packed weights by b's id.
    const aMatrix = batchA === 1 ? reshapeView(a3, [1, m, k]) : allocate(backend, [1, m, k], 'float32');
    if (batchA !== 1) copyElements(backend, a3, aIndex * m * k, aMatrix, 0, m * k);
    const bMatrix = allocate(backend, [1, k, n], 'float32');
    copyElements(backend, b3, bIndex * k * n, bMatrix, 0, k * n);
    const product = runStockKernel(BatchMatMul, backend, { a: aMatrix, b: bMatrix }, {
      transposeA: false,
      transposeB: false,
    }); // [1, M, N]
    copyElements(backend, product, 0, out, i * m * n, m * n);
    disposeInfo(backend, product);
    disposeInfo(backend, bMatrix);
    if (batchA !== 1) disposeInfo(backend, aMatrix);
  }
  return out;
}

/** Kernel function: BatchMatMul({a, b}, {transposeA, transposeB}) on the wasm backend. */
const batchMatMulKernel: KernelFunc = ({ inputs, backend, attrs }) => {
  const { a, b } = inputs as { a: TensorInfo; b: TensorInfo };
  const { transposeA, transposeB } = attrs as { transposeA: boolean; transposeB: boolean };
  return matMulWasm(backend as WasmBackend, a, b, transposeA, transposeB);
};

/** Our BatchMatMul config for backend 'wasm' (setup and dispose forward to the stock kernel, whose code it calls). */
export const batchMatMulConfig: KernelConfig = {
  kernelName: BatchMatMul,
  backendName: 'wasm',
  kernelFunc: batchMatMulKernel,
  setupFunc: forwardStockSetup(BatchMatMul),
  disposeFunc: forwardStockDispose(BatchMatMul),
};
