// Which baseline a training chart draws, and on which axis, for the kinds of metric the specs check.
import { describe, expect, it } from 'vitest';
import { trainingBaselineOf } from '@/app/_components/results/training-baseline';
import type { CaseSpec } from '@/lib/grader/spec';

function metricCase(metric: string, direction: 'higher' | 'lower', baseline: number): CaseSpec {
  return {
    name: 'training',
    visibility: 'hidden',
    generate: () => [],
    metric: { metric, direction, threshold: 0, baseline, referenceScore: 0, score: () => 0 },
  } as CaseSpec;
}

describe('trainingBaselineOf', () => {
  it('draws an accuracy-like baseline against the reported metric', () => {
    expect(trainingBaselineOf(metricCase('accuracy', 'higher', 0.5))).toEqual({ metric: 'accuracy', value: 0.5, direction: 'higher', axis: 'metric' });
  });

  it('draws a plain MSE baseline against the loss, and a ratio nowhere', () => {
    expect(trainingBaselineOf(metricCase('held-out MSE', 'lower', 0.25))?.axis).toBe('loss');
    expect(trainingBaselineOf(metricCase('RMSE ÷ persistence RMSE', 'lower', 1))?.axis).toBeNull();
  });

  it('has no baseline for a test without a metric, or an unknown test', () => {
    expect(trainingBaselineOf({ name: 'x', visibility: 'visible', generate: () => [] } as unknown as CaseSpec)).toBeNull();
    expect(trainingBaselineOf(undefined)).toBeNull();
  });
});
