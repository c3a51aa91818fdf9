// content:check fast tier for exercises: every solution passes, every starter fails, every known mistake is named.
import { describe, expect, it } from 'vitest';
import { checkExercises } from '@/scripts/content-check-exercises';

describe('exercise content (fast tier: one seed, visible cases)', () => {
  it('proves every exercise folder, including the demonstration exercise', async () => {
    const checks = await checkExercises();
    expect(checks.filter((c) => c.slug === 'demo-dense-sigmoid').map((c) => c.claim)).toEqual([
      'solution.ts passes (seed 1)',
      'starter.ts fails',
      'mistakes/forgot-bias.ts is named forgot-bias (seed 1)',
      'mistakes/tanh-instead-of-sigmoid.ts is named tanh-instead-of-sigmoid (seed 1)',
    ]);
    const failures = checks.filter((c) => !c.ok).map((c) => `${c.slug}: ${c.claim} — ${c.detail}`);
    expect(failures).toEqual([]);
  }, 300_000);
});
