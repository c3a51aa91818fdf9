// content:check fast tier for exercises: every solution passes, every starter fails, every known mistake is named.
import { describe, expect, it } from 'vitest';
import { listExercises } from '@/lib/grader/node';
import { checkExercises } from '@/scripts/content-check-exercises';

const slugs = listExercises().map((e) => e.slug);

describe('exercise content (fast tier: one seed, visible cases)', () => {
  it('covers the demonstration exercise and every exercise folder', () => {
    expect(slugs).toContain('demo-dense-sigmoid');
    expect(slugs.filter((s) => /^\d\d-/.test(s)).length).toBeGreaterThanOrEqual(8);
  });

  it('names exactly what it proves for the demonstration exercise', async () => {
    const checks = await checkExercises({ slugs: ['demo-dense-sigmoid'] });
    expect(checks.map((c) => c.claim)).toEqual([
      'solution.ts passes (seed 1)',
      'starter.ts fails',
      'mistakes/forgot-bias.ts is named forgot-bias (seed 1)',
      'mistakes/tanh-instead-of-sigmoid.ts is named tanh-instead-of-sigmoid (seed 1)',
    ]);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
  }, 120_000);

  // One test per exercise: a model exercise trains once per file it proves (≈ 10 s each), so each gets its own budget.
  it.each(slugs.filter((s) => s !== 'demo-dense-sigmoid'))('%s: solution passes, starter fails, mistakes are named', async (slug) => {
    const checks = await checkExercises({ slugs: [slug] });
    expect(checks.length).toBeGreaterThanOrEqual(2);
    expect(checks.filter((c) => !c.ok).map((c) => `${c.claim} — ${c.detail}`)).toEqual([]);
  }, 240_000);
});
