// Memory limits that V8's heap limit does not cover: typed arrays made by learner code and the tfjs wasm heap.

/** Name of the error thrown when learner code exceeds its memory limit (the host recognises it). */
export const MEMORY_LIMIT_ERROR_NAME = 'MemoryLimitError';

/** The message every memory-limit verdict carries. */
export function memoryLimitMessage(memoryMb: number): string {
  return `memory limit of ${memoryMb} MB exceeded`;
}

function memoryLimitError(memoryMb: number): Error {
  const error = new RangeError(memoryLimitMessage(memoryMb));
  error.name = MEMORY_LIMIT_ERROR_NAME;
  return error;
}

/**
 * Replaces ArrayBuffer and the typed-array constructors of `scope` (the learner's global object) with
 * subclasses that refuse allocations above `memoryMb`, and removes SharedArrayBuffer, Atomics and
 * WebAssembly. Self-contained (no outer references), so it can be evaluated inside a vm context from
 * its source text. Large buffers live outside the V8 heap, so `resourceLimits` alone would let them through.
 */
export function installAllocationGuard(scope: Record<string, unknown>, memoryMb: number): void {
  const limitBytes = memoryMb * 1024 * 1024;
  const refuse = () => {
    const error = new RangeError(`memory limit of ${memoryMb} MB exceeded`);
    error.name = 'MemoryLimitError';
    throw error;
  };
  const check = (bytes: number) => {
    if (!(bytes <= limitBytes)) refuse();
  };
  type Ctor = new (...args: unknown[]) => object;
  const OriginalArrayBuffer = scope.ArrayBuffer as Ctor;
  const GuardedArrayBuffer = class ArrayBuffer extends OriginalArrayBuffer {
    constructor(...args: unknown[]) {
      check(Number(args[0] ?? 0));
      super(...args);
    }
  };
  scope.ArrayBuffer = GuardedArrayBuffer;
  const names = [
    'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
    'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
  ];
  for (const name of names) {
    const Original = scope[name] as Ctor & { BYTES_PER_ELEMENT: number };
    if (typeof Original !== 'function') continue;
    const Guarded = class extends Original {
      constructor(...args: unknown[]) {
        const first = args[0];
        if (typeof first === 'number') check(first * Original.BYTES_PER_ELEMENT);
        else if (first !== null && typeof first === 'object' && !(first instanceof OriginalArrayBuffer)) {
          const length = (first as { length?: unknown }).length;
          if (typeof length === 'number') check(length * Original.BYTES_PER_ELEMENT);
        }
        super(...args);
      }
    };
    Object.defineProperty(Guarded, 'name', { value: name });
    scope[name] = Guarded;
  }
  for (const name of ['SharedArrayBuffer', 'Atomics', 'WebAssembly']) delete scope[name];
}

/** The parts of the tfjs wasm backend the heap guard wraps. */
interface WasmBackendLike {
  wasm?: { _malloc(bytes: number): number; _free(pointer: number): void; HEAPU8: Uint8Array };
}

/**
 * Makes the tfjs wasm backend refuse tensor allocations that would grow its heap beyond `memoryMb`
 * above its size now. Without it `tf.zeros([6e8])` grows wasm memory by gigabytes in one uninterruptible step.
 * No-op on other backends.
 */
export function guardWasmHeap(backend: unknown, memoryMb: number): void {
  const wasm = (backend as WasmBackendLike)?.wasm;
  if (!wasm || typeof wasm._malloc !== 'function') return;
  // Emscripten's `_malloc` replaces itself with the raw export on first call: make that happen now,
  // so the wrapper installed below is not overwritten.
  wasm._free(wasm._malloc(8));
  const limitBytes = wasm.HEAPU8.buffer.byteLength + memoryMb * 1024 * 1024;
  const malloc = wasm._malloc.bind(wasm);
  wasm._malloc = (bytes: number) => {
    if (bytes > memoryMb * 1024 * 1024) throw memoryLimitError(memoryMb);
    const pointer = malloc(bytes);
    if (wasm.HEAPU8.buffer.byteLength > limitBytes) {
      wasm._free(pointer);
      throw memoryLimitError(memoryMb);
    }
    return pointer;
  };
}
