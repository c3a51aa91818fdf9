// Closes the classic ways out of a `vm` context through objects of the worker's own realm (Node worker only).

/** Thrown when exercise code reaches for a function constructor of the worker's realm. */
function blockedConstructor(): never {
  throw new Error('Function constructors are not available to exercise code');
}

/**
 * Learner code receives tf functions and tensors created in the worker's realm. From any of them,
 * `f.constructor('return process')()` would evaluate code outside the vm context; `Error.prepareStackTrace`
 * could hand out outer call sites. Run once per worker, after tfjs has loaded and before learner code.
 * The global `Function` binding of this realm stays usable by the worker's own libraries.
 */
export function hardenWorkerRealm(): void {
  const samples = [function () {}, async function () {}, function* () {}, async function* () {}];
  for (const sample of samples) {
    Object.defineProperty(Object.getPrototypeOf(sample), 'constructor', {
      value: blockedConstructor,
      writable: false,
      configurable: false,
      enumerable: false,
    });
  }
  Object.defineProperty(Error, 'prepareStackTrace', { value: undefined, writable: false, configurable: false });
}
