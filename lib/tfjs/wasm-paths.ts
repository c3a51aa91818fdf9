// Where the tfjs wasm backend loads its .wasm files from, in the browser and in Node.

/** URL prefix the browser loads the .wasm files from; `npm install` copies them into `public/tfjs-wasm/`. */
export const BROWSER_WASM_PREFIX = '/tfjs-wasm/';

/** True in Node (main thread or worker_threads); false in a browser page or Web Worker. */
export function isNode(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

/**
 * The prefix to hand to `setWasmPaths`: `/tfjs-wasm/` in the browser, the package's own `dist/`
 * directory (absolute path, trailing slash) in Node.
 *
 * Node built-ins are reached through `process.getBuiltinModule` (Node ≥ 20.16) rather than an
 * `import`, so browser bundlers never see `node:module` and the result does not depend on `process.cwd()`.
 */
export function wasmPathPrefix(): string {
  if (!isNode()) return BROWSER_WASM_PREFIX;
  const { createRequire } = process.getBuiltinModule('node:module');
  const path = process.getBuiltinModule('node:path');
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('@tensorflow/tfjs-backend-wasm/package.json');
  return path.join(path.dirname(packageJson), 'dist') + path.sep;
}
