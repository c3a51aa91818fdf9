// Where grading results point into the learner's code (editor markers), and how hints.md splits into single hints.
import { describe, expect, it } from 'vitest';
import { markersOf } from '@/app/_components/editor/markers';
import { splitHintItems } from '@/lib/content/workspace-files';
import { compileLearnerModule, formatCompileErrors } from '@/lib/grader/compile';
import { MESSAGES } from '@/lib/grader/messages';
import { GRADER_VERSION, type GradeResult, type TestResult } from '@/lib/grader/result';

function result(message: GradeResult['message'], tests: TestResult[] = []): GradeResult {
  return { version: GRADER_VERSION, exerciseId: 'x', verdict: 'error', message, output: '', tests, backend: 'wasm', includesHidden: false, seed: 1, durationMs: 1 };
}

describe('markersOf', () => {
  it('puts a compile error on the line and column the compiler reports', () => {
    const compiled = compileLearnerModule("import * as tf from '@tensorflow/tfjs';\nexport function f() {\n  return (;\n}\n");
    expect(compiled.ok).toBe(false);
    if (compiled.ok) return;
    const markers = markersOf(result(MESSAGES.compileFailed(formatCompileErrors(compiled.errors))));
    expect(markers.map((m) => m.line)).toEqual([3]);
    expect(markers[0].column).toBeGreaterThan(1);
  });

  it('marks the line a runtime error names, once per line', () => {
    const threw = MESSAGES.threw('Error', 'boom', 7);
    const test: TestResult = { name: 't', visibility: 'visible', status: 'error', message: threw, output: '', durationMs: 1, detail: null };
    const markers = markersOf(result({ en: 'Your code raised an error.', zh: '' }, [test, { ...test, name: 'u' }]));
    expect(markers).toEqual([{ line: 7, column: 1, message: threw.en }]);
  });

  it('marks nothing for a wrong answer without a line', () => {
    expect(markersOf(result({ en: 'Wrong answer: h differs.', zh: '' }))).toEqual([]);
  });
});

describe('splitHintItems', () => {
  it('splits a numbered list into its items, keeping continuation lines', () => {
    const md = '1. First `a`.\n2. Second,\n   continued.\n3. Third $x$.';
    expect(splitHintItems(md)).toEqual(['First `a`.', 'Second,\n   continued.', 'Third $x$.']);
  });

  it('keeps a text that is not a numbered list as one hint', () => {
    expect(splitHintItems('Think about the forget gate.')).toEqual(['Think about the forget gate.']);
  });
});
