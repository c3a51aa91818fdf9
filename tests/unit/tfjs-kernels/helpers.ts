// Shared helpers for the wasm kernel tests: backend switching, seeded data, tolerance checks, leak checks.
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { expect } from 'vitest';
import { ready } from '@/lib/tfjs';
import { registerWasmKernelFixes } from '@/lib/tfjs/kernels';

/** Float32 forward tolerance (docs/architecture.md). */
export const FORWARD_TOL = { atol: 1e-5, rtol: 1e-4 };
/** Float32 gradient tolerance (docs/architecture.md). */
export const GRADIENT_TOL = { atol: 2e-5, rtol: 1e-3 };

/** Starts tfjs on wasm with our kernels registered (idempotent). */
export async function startWasmWithFixes(): Promise<void> {
  await ready({ backend: 'wasm' });
  registerWasmKernelFixes();
}

/** Runs `fn` on the named backend and returns its plain-number result; leaves that backend active. */
export async function onBackend<T>(backend: 'wasm' | 'cpu', fn: () => T): Promise<T> {
  await ready({ backend });
  expect(tf.getBackend()).toBe(backend);
  return fn();
}

/** Deterministic values in [-1, 1) (a small LCG: the same numbers on every backend and every run). */
export function seededValues(count: number, seed: number): Float32Array {
  const values = new Float32Array(count);
  let state = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    values[i] = state / 2 ** 31 - 1;
  }
  return values;
}

/** A seeded float32 tensor of the given shape. */
export function seededTensor(shape: number[], seed: number): tf.Tensor {
  return tf.tensor(seededValues(shape.reduce((a, b) => a * b, 1), seed), shape);
}

/**
 * Asserts |got − want| ≤ atol + rtol·|want| elementwise, and ‖got − want‖ ≤ 1e-3·‖want‖ + atol·√n for the whole
 * tensor (so an all-zero answer cannot pass against small-but-nonzero expectations).
 */
export function expectClose(
  got: ArrayLike<number>,
  want: ArrayLike<number>,
  tol: { atol: number; rtol: number },
  label = '',
): void {
  expect(got.length, `${label} length`).toBe(want.length);
  let worst = -1;
  let worstExcess = 0;
  let diffSq = 0;
  let wantSq = 0;
  for (let i = 0; i < want.length; i++) {
    const diff = Math.abs(got[i] - want[i]);
    const excess = diff - (tol.atol + tol.rtol * Math.abs(want[i]));
    if (!(excess <= worstExcess) && (worst < 0 || excess > worstExcess || Number.isNaN(diff))) {
      worst = i;
      worstExcess = Number.isNaN(diff) ? Infinity : excess;
    }
    diffSq += diff * diff;
    wantSq += want[i] * want[i];
  }
  if (worst >= 0) {
    expect.fail(`${label} element ${worst}: got ${got[worst]}, want ${want[worst]} (tolerance exceeded)`);
  }
  const normBound = 1e-3 * Math.sqrt(wantSq) + tol.atol * Math.sqrt(want.length);
  expect(Math.sqrt(diffSq), `${label} ‖got − want‖`).toBeLessThanOrEqual(normBound);
}

/** Tensor count and wasm heap buffer count, to check that an operation leaks neither. */
export function memorySnapshot(): { tensors: number; dataIds: number } {
  const backend = tf.backend() as unknown as BackendWasm;
  return { tensors: tf.memory().numTensors, dataIds: backend.numDataIds() };
}
