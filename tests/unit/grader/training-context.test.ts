// The ctx learners' train() receives: what each model exercise's types.ts declares matches what the runtime builds.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrainingContext as Exercise08Context } from '@/content/exercises/08-sequence-windows-forecast/types';
import { createTrainingContext, type SentPoint, type TrainingContext } from '@/lib/grader/training-context';

// Type-level: the runtime's ctx is assignable to what the exercise declares (checked by `npm run typecheck`).
const assignable: (ctx: TrainingContext) => Exercise08Context = (ctx) => ctx;

/** The `interface TrainingContext { … }` block of a types.ts, or null. */
function declaredContext(file: string): string | null {
  const text = readFileSync(file, 'utf8');
  const match = /\/\*\* What the grader passes to train\(\)[\s\S]*?\nexport interface TrainingContext \{[\s\S]*?\n\}/.exec(text);
  return match ? match[0] : null;
}

describe('TrainingContext', () => {
  it('is declared with the same text in every model exercise (one contract, one wording for the editor)', () => {
    const root = path.resolve('content/exercises');
    const declared = readdirSync(root)
      .map((slug) => path.join(root, slug, 'types.ts'))
      .filter((file) => existsSync(file) && readFileSync(file, 'utf8').includes('interface TrainingContext'))
      .map((file) => ({ file, block: declaredContext(file) }));
    expect(declared.length).toBeGreaterThanOrEqual(1);
    for (const d of declared) expect(d.block, `${d.file} declares TrainingContext in another form`).not.toBeNull();
    expect(new Set(declared.map((d) => d.block)).size).toBe(1);
  });

  it('reports points with finite numbers, NaN and Infinity as null, and caps nothing below the limit', async () => {
    const sent: SentPoint[] = [];
    const ctx = assignable(createTrainingContext(7, (p) => sent.push(p)));
    ctx.report({ epoch: 0, loss: 0.5 });
    ctx.report({ epoch: 1, loss: NaN, valLoss: Infinity, metric: 0.9 });
    await ctx.fitCallbacks().onEpochEnd(2, { loss: 0.25, val_loss: 0.3, val_acc: 0.75 });
    expect(sent).toEqual([
      { epoch: 0, loss: 0.5, valLoss: null, metric: null },
      { epoch: 1, loss: null, valLoss: null, metric: 0.9 },
      { epoch: 2, loss: 0.25, valLoss: 0.3, metric: 0.75 },
    ]);
  });

  it('draws the same numbers for the same seed and others for another seed', () => {
    const draws = (seed: number) => {
      const ctx = createTrainingContext(seed, () => undefined);
      return [ctx.random(), ctx.random(), ctx.random()];
    };
    expect(draws(3)).toEqual(draws(3));
    expect(draws(3)).not.toEqual(draws(4));
    for (const v of draws(5)) expect(v >= 0 && v < 1).toBe(true);
  });
});
