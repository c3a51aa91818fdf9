// lib/tfjs/wasm-paths: in Node the prefix is the package's dist/ directory holding the .wasm files.
import { existsSync } from 'node:fs';
import { isAbsolute, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSER_WASM_PREFIX, isNode, wasmPathPrefix } from '@/lib/tfjs/wasm-paths';

describe('wasmPathPrefix', () => {
  it('points at the installed package in Node', () => {
    expect(isNode()).toBe(true);
    const prefix = wasmPathPrefix();
    expect(isAbsolute(prefix)).toBe(true);
    expect(prefix.endsWith(sep)).toBe(true);
    for (const file of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) {
      expect(existsSync(prefix + file), file).toBe(true);
    }
  });

  it('serves the browser from our own origin', () => {
    expect(BROWSER_WASM_PREFIX).toBe('/tfjs-wasm/');
  });
});
