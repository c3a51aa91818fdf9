// `npm run grade` end to end: exit codes, text and --json output for the demonstration exercise.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { gradeResultSchema } from '@/lib/grader/result';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../..');
const DEMO = 'tests/fixtures/exercises/demo-dense-sigmoid';

async function grade(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/grade.ts', ...args], { cwd: ROOT });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

describe('scripts/grade.ts', () => {
  it('exits 0 on pass and prints the verdict per test', async () => {
    const { code, stdout } = await grade('demo-dense-sigmoid', `${DEMO}/solution.ts`, '--hidden');
    expect(code).toBe(0);
    expect(stdout).toContain('demo-dense-sigmoid: Accepted (pass) — All 4 tests passed.');
    expect(stdout).toContain('[pass] larger batch (16×8 → 32) (hidden)');
  }, 120_000);

  it('exits 1 otherwise, and --json prints a result that parses with the schema', async () => {
    const { code, stdout } = await grade('demo-dense-sigmoid', `${DEMO}/mistakes/forgot-bias.ts`, '--json');
    expect(code).toBe(1);
    const result = gradeResultSchema.parse(JSON.parse(stdout));
    expect(result.verdict).toBe('fail');
    expect(result.includesHidden).toBe(false);
    expect(result.tests[0].detail).toMatchObject({ kind: 'tensor', mistake: { id: 'forgot-bias' } });
  }, 120_000);
});
