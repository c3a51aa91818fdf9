// Hardening of the learner's Web Worker after tfjs has loaded: no network, no code generation, no tampering with shared built-ins.
import { BROWSER_REMOVED_GLOBALS } from '../learner-globals';

/**
 * Worker APIs removed besides BROWSER_REMOVED_GLOBALS: font loading (a request the worker's CSP also
 * refuses), and the two ways the worker talks to the page or ends itself (the runtime keeps bound copies).
 */
export const WORKER_CHANNEL_GLOBALS = ['postMessage', 'close'] as const;
const FONT_GLOBALS = ['FontFace', 'fonts'] as const;

/** Typed-array constructors the allocation guard replaces (memory-limits.ts). */
const TYPED_ARRAY_NAMES = [
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
  'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
] as const;

/**
 * Global bindings that become read-only: the ECMAScript built-ins that tfjs and the grader's own code
 * read in the worker. Learner code shares this realm (a worker has no second one), so an assignment
 * to one of them would change how tfjs computes and how results are read back.
 */
const LOCKED_GLOBALS = [
  'Object', 'Function', 'Array', 'Number', 'Boolean', 'String', 'Symbol', 'BigInt', 'Math', 'JSON', 'Reflect', 'Proxy',
  'Promise', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Date', 'RegExp', 'ArrayBuffer', 'DataView', 'Error', 'TypeError',
  'RangeError', 'globalThis', 'self', 'eval', 'isFinite', 'isNaN', 'parseFloat', 'parseInt', 'setTimeout', 'setInterval',
  ...TYPED_ARRAY_NAMES,
] as const;

type Scope = Record<string, unknown>;
type Constructor = abstract new (...args: never[]) => object;

/** Deletes `name` from `scope` and every prototype it inherits from (WebIDL puts operations on prototypes). */
export function removeEverywhere(scope: object, name: string): void {
  for (let o: object | null = scope; o; o = Object.getPrototypeOf(o)) {
    if (!Object.prototype.hasOwnProperty.call(o, name)) continue;
    if (!Reflect.deleteProperty(o, name)) {
      Object.defineProperty(o, name, { value: undefined, writable: false, configurable: false });
    }
  }
}

/** Removes every network, script-loading, nested-worker and storage API (run after the wasm binary has loaded). */
export function removeNetworkApis(scope: object): void {
  for (const name of [...BROWSER_REMOVED_GLOBALS, ...FONT_GLOBALS]) removeEverywhere(scope, name);
}

/**
 * The allocation guard replaces the typed-array globals with subclasses. Arrays made before it (the
 * structured clone of the run request, tfjs's own buffers) are instances of the originals only, and
 * tfjs tests `values instanceof Float32Array`: keep that answer as it was.
 */
export function keepTypedArrayIdentity(scope: Scope, originals: ReadonlyMap<string, Constructor>): void {
  for (const [name, original] of originals) {
    const guarded = scope[name];
    if (typeof guarded !== 'function' || guarded === original) continue;
    Object.defineProperty(guarded, Symbol.hasInstance, { value: (value: unknown) => value instanceof original });
  }
}

/** The current typed-array and ArrayBuffer constructors of `scope`, by name (read before the guard replaces them). */
export function typedArrayConstructors(scope: Scope): Map<string, Constructor> {
  const found = new Map<string, Constructor>();
  for (const name of [...TYPED_ARRAY_NAMES, 'ArrayBuffer']) {
    if (typeof scope[name] === 'function') found.set(name, scope[name] as Constructor);
  }
  return found;
}

function codeGenerationBlocked(): never {
  throw new EvalError('Evaluating strings as code is not available to exercise code');
}

/**
 * Closes every way to turn a string into code: `eval`, the `Function` global, the constructors reached
 * from any function (`f.constructor`, async and generator kinds), and string handlers of timers.
 * The worker's CSP must allow eval for the learner's module itself; without this, learner code could
 * run `import('/api/…')` through eval and make a same-origin request that script-src 'self' permits.
 */
export function blockCodeGeneration(scope: Scope): void {
  const OriginalFunction = scope.Function as FunctionConstructor;
  // A proxy keeps `x instanceof Function` and `Function.prototype` working for tfjs and zod.
  const blockedFunction = new Proxy(OriginalFunction, { apply: codeGenerationBlocked, construct: codeGenerationBlocked });
  const samples = [function () {}, async function () {}, function* () {}, async function* () {}];
  for (const sample of samples) {
    const prototype = Object.getPrototypeOf(sample) as object;
    Object.defineProperty(prototype, 'constructor', {
      value: prototype === OriginalFunction.prototype ? blockedFunction : codeGenerationBlocked,
      writable: false,
      configurable: false,
      enumerable: false,
    });
  }
  scope.Function = blockedFunction;
  scope.eval = codeGenerationBlocked;
  for (const timerName of ['setTimeout', 'setInterval'] as const) {
    const timer = scope[timerName] as (handler: unknown, ...rest: unknown[]) => number;
    if (typeof timer !== 'function') continue;
    // The originals live on WorkerGlobalScope.prototype, where `Object.getPrototypeOf(self)` would find them.
    removeEverywhere(scope, timerName);
    scope[timerName] = (handler: unknown, ...rest: unknown[]) => {
      if (typeof handler !== 'function') codeGenerationBlocked();
      return timer.call(scope, handler, ...rest);
    };
  }
  // V8's stack-trace hook hands out call sites; nothing in the worker needs it.
  Object.defineProperty(scope.Error as object, 'prepareStackTrace', { value: undefined, writable: false, configurable: false });
}

function freezeWithPrototype(value: unknown): void {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return;
  Object.freeze(value);
  const prototype = (value as { prototype?: unknown }).prototype;
  if (typeof prototype === 'object' && prototype !== null) Object.freeze(prototype);
}

/**
 * Makes the built-ins tfjs and the runtime depend on read-only, so `Math.exp = …`, `Array.prototype.map = …`,
 * `globalThis.Float32Array = …` or `JSON.parse = …` in learner code throw a TypeError (strict mode) that
 * names the property, instead of silently changing how the worker computes and reports.
 * `extra` adds objects of the worker's own libraries (the tf.Tensor class).
 * Error and Object.prototype stay writable: libraries assign `error.name` and friends, which a frozen
 * prototype would turn into TypeErrors.
 */
export function freezeIntrinsics(scope: Scope, extra: readonly unknown[] = []): void {
  const typedArrayBase = Object.getPrototypeOf(Int8Array) as unknown;
  const roots: unknown[] = [
    scope.Math, scope.JSON, scope.Reflect, scope.Object, scope.Array, scope.Number, scope.String, scope.Boolean, scope.Symbol,
    scope.BigInt, scope.Promise, scope.Map, scope.Set, scope.WeakMap, scope.WeakSet, scope.ArrayBuffer, scope.DataView, typedArrayBase,
    Function.prototype, Object.getPrototypeOf(async function () {}),
    ...TYPED_ARRAY_NAMES.map((name) => scope[name]),
    // The guarded typed arrays extend the originals: freeze those too, they are one getPrototypeOf away.
    ...TYPED_ARRAY_NAMES.map((name) => Object.getPrototypeOf(scope[name] as object)),
    ...extra,
  ];
  for (const root of roots) freezeWithPrototype(root);
  for (const name of LOCKED_GLOBALS) {
    const descriptor = Object.getOwnPropertyDescriptor(scope, name);
    if (!descriptor) continue;
    if ('value' in descriptor) Object.defineProperty(scope, name, { value: descriptor.value, writable: false, configurable: false });
    else Object.defineProperty(scope, name, { get: descriptor.get, set: undefined, configurable: false });
  }
}
