// The wasm backend's own ("stock") kernel configs, saved before our fixes replace them, and a way to call them.
import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, NamedAttrMap, NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs';
import type { WasmBackend } from './wasm-heap';

/** Stock configs of the kernels we register, by name; null when the stock backend has none (a kernel we add). */
const savedStockConfigs = new Map<string, KernelConfig | null>();

/** Remembers the stock config for `kernelName` before ours replaces it (first call wins: never saves one of ours). */
export function saveStockKernel(kernelName: string): KernelConfig | undefined {
  if (!savedStockConfigs.has(kernelName)) savedStockConfigs.set(kernelName, tf.getKernel(kernelName, 'wasm') ?? null);
  return savedStockConfigs.get(kernelName) ?? undefined;
}

/** The stock config saved by `saveStockKernel`, if any (never a registry lookup). */
export function savedStockKernel(kernelName: string): KernelConfig | undefined {
  return savedStockConfigs.get(kernelName) ?? undefined;
}

/**
 * The stock config for `kernelName`: the saved one for kernels we replace (so ours never calls itself), the
 * registry's for the others (Transpose, …).
 */
export function stockKernel(kernelName: string): KernelConfig {
  const config = savedStockConfigs.has(kernelName) ? savedStockConfigs.get(kernelName) : tf.getKernel(kernelName, 'wasm');
  if (config == null) {
    throw new Error(`The wasm backend has no stock kernel '${kernelName}': import @tensorflow/tfjs-backend-wasm first.`);
  }
  return config;
}

/** Runs a stock wasm kernel directly on tensor infos (no engine bookkeeping: the caller owns the result). */
export function runStockKernel(
  kernelName: string,
  backend: WasmBackend,
  inputs: NamedTensorInfoMap,
  attrs: NamedAttrMap = {},
): TensorInfo {
  const out = stockKernel(kernelName).kernelFunc({ inputs, backend, attrs });
  if (Array.isArray(out)) throw new Error(`Stock kernel '${kernelName}' returned several outputs.`);
  return out;
}

/** A setupFunc that runs the stock kernel's setup, so our config can stand in for it whenever the backend starts. */
export function forwardStockSetup(kernelName: string): (backend: object) => void {
  return (backend) => stockKernel(kernelName).setupFunc?.(backend);
}

/** A disposeFunc that runs the stock kernel's dispose hook, if it has one. */
export function forwardStockDispose(kernelName: string): (backend: object) => void {
  return (backend) => stockKernel(kernelName).disposeFunc?.(backend);
}
