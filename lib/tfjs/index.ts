// The one place that starts tfjs: registers the wasm backend, picks wasm (else cpu), never WebGL.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmKernelFixes } from './kernels';
import { wasmPathPrefix } from './wasm-paths';

export { tf };

/** The backends this project runs on. WebGL is never used: see docs/architecture.md. */
export type TfjsBackend = 'wasm' | 'cpu';

export interface ReadyOptions {
  /** Backend to run on; default `'wasm'`. A failing wasm falls back to `'cpu'`. */
  backend?: TfjsBackend;
}

let request: { wanted: TfjsBackend; promise: Promise<TfjsBackend> } | undefined;
let active: TfjsBackend | null = null;
let wasmFailed = false;
let wasmPathsSet = false;

/**
 * Prepares tfjs and resolves to the backend in use. Await it before any tensor op.
 * Idempotent: callers asking for the same backend share one promise. Asking for another backend
 * (tests and benches compare wasm with cpu) switches after any pending switch has finished.
 */
export function ready(options: ReadyOptions = {}): Promise<TfjsBackend> {
  const wanted = options.backend ?? 'wasm';
  if (request?.wanted === wanted) return request.promise;
  const previous = request?.promise.catch(() => undefined) ?? Promise.resolve(undefined);
  const promise = previous.then(() => activate(wanted));
  const current = { wanted, promise };
  request = current;
  promise.catch(() => {
    if (request === current) request = undefined;
  });
  return promise;
}

/** The backend set by the last settled `ready()`, or null before the first one. */
export function backendName(): TfjsBackend | null {
  return active;
}

async function activate(wanted: TfjsBackend): Promise<TfjsBackend> {
  // In a browser tfjs registers WebGL at a higher priority than wasm; take it out of the running.
  if (tf.findBackendFactory('webgl')) tf.removeBackend('webgl');

  if (wanted === 'wasm' && !wasmFailed) {
    if (await initWasm()) {
      registerWasmKernelFixes(); // fast BatchMatMul and the training kernels stock wasm lacks: ./kernels
      return (active = 'wasm');
    }
    wasmFailed = true;
    console.warn('[lib/tfjs] the wasm backend failed to initialise; running on cpu instead.');
  }
  if (await trySetBackend('cpu')) return (active = 'cpu');
  throw new Error('[lib/tfjs] neither the wasm nor the cpu backend could be initialised.');
}

async function initWasm(): Promise<boolean> {
  if (!wasmPathsSet) {
    setWasmPaths(wasmPathPrefix());
    wasmPathsSet = true;
  }
  return trySetBackend('wasm');
}

async function trySetBackend(name: TfjsBackend): Promise<boolean> {
  try {
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}
