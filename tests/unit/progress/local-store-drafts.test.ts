// The browser store's version 2: migration from version 1, exercise drafts and attempts.
import { describe, expect, it } from 'vitest';
import {
  LOCAL_STORE_KEY,
  clearDraft,
  draftOf,
  isSolved,
  readProgress,
  recordAttempt,
  saveDraft,
  updateProgress,
} from '@/lib/progress/local-store';

function memoryStorage(init: Record<string, string> = {}) {
  const data = new Map(Object.entries(init));
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

const v1Document = JSON.stringify({
  version: 1,
  questionRatings: { '02-gates': [{ rating: 'good', at: '2026-01-01T00:00:00.000Z' }] },
  recallNotes: { '02-gates': 'four gates? no, three' },
});

describe('local progress store, version 2', () => {
  it('migrates a version 1 document, keeping its ratings and notes', () => {
    const s = memoryStorage({ [LOCAL_STORE_KEY]: v1Document });
    const p = readProgress(s);
    expect(p.version).toBe(2);
    expect(p.questionRatings['02-gates']).toEqual([{ rating: 'good', at: '2026-01-01T00:00:00.000Z' }]);
    expect(p.recallNotes['02-gates']).toBe('four gates? no, three');
    expect(p.drafts).toEqual({});
    expect([...s.data.keys()].some((k) => k.includes(':unreadable:'))).toBe(false);
  });

  it('saves, replaces and clears a draft per exercise', () => {
    const s = memoryStorage({ [LOCAL_STORE_KEY]: v1Document });
    const at = new Date('2026-11-28T10:00:00Z');
    updateProgress(s, (p) => saveDraft(p, '01-lstm-cell-step', 'let a = 1;', at));
    updateProgress(s, (p) => saveDraft(p, '01-lstm-cell-step', 'let a = 2;', at));
    updateProgress(s, (p) => saveDraft(p, '02-lstm-forward', 'other', at));
    const stored = readProgress(s);
    expect(draftOf(stored, '01-lstm-cell-step')).toBe('let a = 2;');
    expect(JSON.parse(s.data.get(LOCAL_STORE_KEY)!).version).toBe(2);
    const cleared = updateProgress(s, (p) => clearDraft(p, '01-lstm-cell-step'));
    expect(draftOf(cleared, '01-lstm-cell-step')).toBeUndefined();
    expect(draftOf(cleared, '02-lstm-forward')).toBe('other');
    expect(cleared.questionRatings['02-gates']).toHaveLength(1);
  });

  it('marks an exercise solved only by a passing Submit, and keeps the first solve time', () => {
    const s = memoryStorage();
    const t = (h: number) => new Date(`2026-11-28T0${h}:00:00Z`);
    updateProgress(s, (p) => recordAttempt(p, 'x', { verdict: 'pass', includesHidden: false }, t(1)));
    expect(isSolved(readProgress(s), 'x')).toBe(false);
    updateProgress(s, (p) => recordAttempt(p, 'x', { verdict: 'pass', includesHidden: true }, t(2)));
    const p = updateProgress(s, (q) => recordAttempt(q, 'x', { verdict: 'fail', includesHidden: true }, t(3)));
    expect(isSolved(p, 'x')).toBe(true);
    expect(p.exercises.x.solvedAt).toBe('2026-11-28T02:00:00.000Z');
    expect(p.exercises.x.last.verdict).toBe('fail');
  });
});
