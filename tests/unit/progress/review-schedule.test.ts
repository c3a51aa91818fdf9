import { describe, expect, it } from 'vitest';
import { nextDue, questionStatus } from '@/lib/progress/review-schedule';

const day = 24 * 3600 * 1000;
const t0 = new Date('2026-03-01T09:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms).toISOString();

describe('question review status (FSRS)', () => {
  it('is new before any rating', () => {
    expect(questionStatus([], t0)).toBe('new');
    expect(nextDue([])).toBeNull();
  });

  it('an easy first answer is known for days, then due', () => {
    const history = [{ rating: 'easy' as const, at: at(0) }];
    const due = nextDue(history)!;
    expect(due.getTime() - t0.getTime()).toBeGreaterThanOrEqual(2 * day);
    expect(questionStatus(history, new Date(t0.getTime() + 60_000))).toBe('known');
    expect(questionStatus(history, due)).toBe('due');
  });

  it('forgetting brings a question back within the day', () => {
    const history = [{ rating: 'again' as const, at: at(0) }];
    expect(nextDue(history)!.getTime() - t0.getTime()).toBeLessThan(day);
    expect(questionStatus(history, new Date(t0.getTime() + 20_000))).toBe('learning'); // first learning step: minutes
  });

  it('good reviews push the next one further out each time', () => {
    const first = [{ rating: 'good' as const, at: at(0) }];
    const d1 = nextDue(first)!;
    const second = [...first, { rating: 'good' as const, at: d1.toISOString() }];
    const d2 = nextDue(second)!;
    const third = [...second, { rating: 'good' as const, at: d2.toISOString() }];
    const d3 = nextDue(third)!;
    expect(d2.getTime() - d1.getTime()).toBeGreaterThan(d1.getTime() - t0.getTime());
    expect(d3.getTime() - d2.getTime()).toBeGreaterThan(d2.getTime() - d1.getTime());
  });
});
