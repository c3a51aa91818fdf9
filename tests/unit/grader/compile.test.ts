// TypeScript → sandbox JS: import rules, syntax errors with line:column, preserved line numbers.
import { describe, expect, it } from 'vitest';
import { compileLearnerModule, formatCompileErrors } from '@/lib/grader/compile';

/** Evaluates compiled code the way the browser worker does, with a fake `tf` module. */
function load(js: string, tf: Record<string, unknown> = { __esModule: true }) {
  const moduleFunction = new Function(`return ${js}`)() as (r: (id: string) => unknown, e: object, m: object) => void;
  const moduleObject = { exports: {} as Record<string, unknown> };
  moduleFunction((id) => (id === '@tensorflow/tfjs' ? tf : undefined), moduleObject.exports, moduleObject);
  return moduleObject.exports;
}

describe('compileLearnerModule', () => {
  it('compiles a typed module into a function whose exports are callable', () => {
    const result = compileLearnerModule(`import * as tf from '@tensorflow/tfjs';
import type { Tensor } from '@tensorflow/tfjs';
interface Params { scale: number }
export function twice(x: number, p: Params): number { return tf.double(x) * p.scale; }
export const name = 'demo' as const;`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const exports = load(result.js, { __esModule: true, double: (x: number) => 2 * x });
    expect((exports.twice as (x: number, p: { scale: number }) => number)(5, { scale: 3 })).toBe(30);
    expect(exports.name).toBe('demo');
  });

  it('resolves named imports from @tensorflow/tfjs through the given namespace', () => {
    const result = compileLearnerModule(`import { add } from '@tensorflow/tfjs';\nexport const f = (a: number) => add(a, 1);`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const exports = load(result.js, { __esModule: true, add: (a: number, b: number) => a + b });
    expect((exports.f as (a: number) => number)(41)).toBe(42);
  });

  it('reports a syntax error with line and column in the learner source', () => {
    const result = compileLearnerModule(`export function f() {\n  const x = ;\n}`);
    expect(result).toEqual({ ok: false, errors: [{ line: 2, column: 13, message: expect.stringMatching(/^Syntax error: Unexpected token/) }] });
  });

  it('rejects imports of other modules, naming the module and its position', () => {
    const result = compileLearnerModule(`import * as tf from '@tensorflow/tfjs';\nimport fs from 'node:fs';\nexport const a = 1;`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ line: 2, column: 16 });
    expect(result.errors[0].message).toContain("Only '@tensorflow/tfjs' can be imported");
    expect(result.errors[0].message).toContain("'node:fs'");
  });

  it('allows type-only imports of the exercise types', () => {
    expect(compileLearnerModule(`import type { LstmParams } from './types';\nexport const a = 1;`).ok).toBe(true);
    expect(compileLearnerModule(`import { type LstmParams } from './types';\nexport const a = 1;`).ok).toBe(true);
  });

  it('rejects dynamic import() and require() with line and column', () => {
    const dynamic = compileLearnerModule(`export async function f() {\n  return await import('node:fs');\n}`);
    expect(dynamic.ok).toBe(false);
    if (!dynamic.ok) {
      expect(dynamic.errors[0]).toMatchObject({ line: 2, column: 16 });
      expect(dynamic.errors[0].message).toContain('Dynamic import() is not allowed');
    }
    const required = compileLearnerModule(`export const fs = require('fs');`);
    expect(required.ok).toBe(false);
    if (!required.ok) expect(formatCompileErrors(required.errors)).toMatch(/^1:19 require\(\) is not available/);
  });

  it('does not mistake import( or require( inside strings and comments for code', () => {
    const result = compileLearnerModule(`// never require('fs') or import('x') here\nexport const s = "require('fs') import('x')";`);
    expect(result.ok).toBe(true);
  });

  it('keeps the learner line numbers, so runtime errors point at the right line', () => {
    const result = compileLearnerModule(`import * as tf from '@tensorflow/tfjs';\n\ntype T = number;\n\nexport function boom(): T {\n  throw new Error('here');\n}`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const exports = load(`${result.js}\n//# sourceURL=solution.ts`);
    try {
      (exports.boom as () => void)();
      expect.unreachable();
    } catch (error) {
      // new Function adds two header lines before the body
      const line = Number(/solution\.ts:(\d+):\d+/.exec(String((error as Error).stack))?.[1]) - 2;
      expect(line).toBe(6);
    }
  });
});
