// Registers our wasm kernels (fast BatchMatMul, and the training kernels the stock wasm backend lacks) and undoes it.
import * as tf from '@tensorflow/tfjs';
import type { KernelConfig } from '@tensorflow/tfjs';
import { batchMatMulConfig } from './batch-mat-mul';
import { conv2DBackpropFilterConfig } from './conv2d-backprop-filter';
import { conv2DBackpropInputConfig } from './conv2d-backprop-input';
import { sliceConfig } from './slice';
import { splitVConfig } from './split-v';
import { savedStockKernel, saveStockKernel } from './stock-kernels';
import { unpackConfig } from './unpack';
import { unsortedSegmentSumConfig } from './unsorted-segment-sum';

export { matMulWasm } from './batch-mat-mul';

const FIX_CONFIGS: readonly KernelConfig[] = [
  batchMatMulConfig,
  sliceConfig,
  splitVConfig,
  unpackConfig,
  unsortedSegmentSumConfig,
  conv2DBackpropFilterConfig,
  conv2DBackpropInputConfig,
];

/** Names of the wasm kernels `registerWasmKernelFixes` registers (replacing a stock one, or adding a missing one). */
export const WASM_KERNEL_FIXES: readonly string[] = FIX_CONFIGS.map((config) => config.kernelName);

/** True when every one of our kernels is the one registered for 'wasm'. */
export function wasmKernelFixesRegistered(): boolean {
  return FIX_CONFIGS.every((config) => tf.getKernel(config.kernelName, 'wasm') === config);
}

/**
 * Registers our kernels for backend 'wasm'. Idempotent. Safe before or after the wasm backend starts: kernels
 * that stand in for a stock one forward its setup. Needs `@tensorflow/tfjs-backend-wasm` imported first.
 */
export function registerWasmKernelFixes(): void {
  if (tf.findBackendFactory('wasm') == null) {
    throw new Error('registerWasmKernelFixes: import @tensorflow/tfjs-backend-wasm first (lib/tfjs does).');
  }
  for (const config of FIX_CONFIGS) {
    if (tf.getKernel(config.kernelName, 'wasm') === config) continue;
    const stock = saveStockKernel(config.kernelName);
    if (stock != null) tf.unregisterKernel(config.kernelName, 'wasm');
    tf.registerKernel(config);
  }
}

/** Puts the stock wasm kernels back (and removes the ones the stock backend lacks), e.g. to benchmark stock. */
export function unregisterWasmKernelFixes(): void {
  for (const config of FIX_CONFIGS) {
    if (tf.getKernel(config.kernelName, 'wasm') !== config) continue;
    tf.unregisterKernel(config.kernelName, 'wasm');
    const stock = savedStockKernel(config.kernelName);
    if (stock != null) tf.registerKernel(stock);
  }
}
