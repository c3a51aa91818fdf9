// The browser store: migration from versions 1 and 2, drafts, notes, attempts and recent submissions.
import { describe, expect, it } from 'vitest';
import {
  LOCAL_STORE_KEY,
  clearDraft,
  draftOf,
  isSolved,
  LOCAL_SUBMISSIONS_KEPT,
  noteOf,
  readProgress,
  recordAttempt,
  recordSubmission,
  saveDraft,
  saveNote,
  updateProgress,
  type SubmissionRecord,
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

const at = '2026-11-20T08:00:00.000Z';
const v2Document = JSON.stringify({
  version: 2,
  questionRatings: {},
  recallNotes: { '01-lstm-vs-rnn': 'three gates', '02-gates': '' },
  drafts: { '01-lstm-cell-step': { code: 'let x = 1;', savedAt: at }, '02-lstm-forward': { code: 'x'.repeat(150_000), savedAt: at } },
  exercises: { '01-lstm-cell-step': { last: { verdict: 'pass', includesHidden: true, at }, solvedAt: at } },
});

function submission(n: number, over: Partial<SubmissionRecord> = {}): SubmissionRecord {
  return {
    clientId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    exerciseId: '01-lstm-cell-step',
    kind: 'submit',
    verdict: 'fail',
    code: `// try ${n}`,
    result: { verdict: 'fail' },
    graderVersion: '1.1.0',
    backend: 'wasm',
    durationMs: 300,
    at: new Date(Date.UTC(2026, 10, 28, 0, n)).toISOString(),
    ...over,
  };
}

describe('local progress store, version 3', () => {
  it('migrates a version 1 document, keeping its ratings and notes', () => {
    const s = memoryStorage({ [LOCAL_STORE_KEY]: v1Document });
    const p = readProgress(s);
    expect(p.version).toBe(3);
    expect(p.owner).toBeNull();
    expect(p.questionRatings['02-gates']).toEqual([{ rating: 'good', at: '2026-01-01T00:00:00.000Z' }]);
    expect(noteOf(p, 'question', '02-gates')).toBe('four gates? no, three');
    expect(p.drafts).toEqual({});
    expect([...s.data.keys()].some((k) => k.includes(':unreadable:'))).toBe(false);
  });

  it('migrates a version 2 document: notes dated as oldest, empty notes and drafts over 100 kB dropped', () => {
    const p = readProgress(memoryStorage({ [LOCAL_STORE_KEY]: v2Document }));
    expect(p.notes).toEqual({ 'question:01-lstm-vs-rnn': { body: 'three gates', savedAt: '1970-01-01T00:00:00.000Z' } });
    expect(Object.keys(p.drafts)).toEqual(['01-lstm-cell-step']);
    expect(isSolved(p, '01-lstm-cell-step')).toBe(true);
    expect(p.submissions).toEqual([]);
  });

  it('keeps notes per question and per exercise apart', () => {
    const t = new Date('2026-11-28T10:00:00Z');
    const p = saveNote(saveNote(readProgress(memoryStorage()), 'question', '05-x', 'q note', t), 'exercise', '05-x', 'e note', t);
    expect(noteOf(p, 'question', '05-x')).toBe('q note');
    expect(noteOf(p, 'exercise', '05-x')).toBe('e note');
    expect(noteOf(p, 'exercise', 'other')).toBe('');
  });

  it('records a submission once per clientId, keeps the latest ones and counts attempts', () => {
    const s = memoryStorage();
    updateProgress(s, (p) => recordSubmission(p, submission(1)));
    updateProgress(s, (p) => recordSubmission(p, submission(1)));
    let p = updateProgress(s, (q) => recordSubmission(q, submission(2, { verdict: 'pass' })));
    expect(p.submissions.map((x) => x.code)).toEqual(['// try 1', '// try 2']);
    expect(isSolved(p, '01-lstm-cell-step')).toBe(true);
    for (let n = 3; n < 3 + LOCAL_SUBMISSIONS_KEPT; n++) p = updateProgress(s, (q) => recordSubmission(q, submission(n, { kind: 'run' })));
    expect(p.submissions).toHaveLength(LOCAL_SUBMISSIONS_KEPT);
    expect(p.submissions[0].code).toBe('// try 3');
    expect(p.exercises['01-lstm-cell-step'].solvedAt).toBe(submission(2).at);
  });

  it('refuses code over 100 kB (UTF-8 bytes, as the server counts)', () => {
    const s = memoryStorage();
    const t = new Date();
    expect(() => updateProgress(s, (p) => saveDraft(p, 'x', '变'.repeat(34_000), t))).toThrow(/100 kB/);
    expect(() => updateProgress(s, (p) => saveDraft(p, 'x', 'a'.repeat(100_000), t))).not.toThrow();
  });

  it('saves, replaces and clears a draft per exercise', () => {
    const s = memoryStorage({ [LOCAL_STORE_KEY]: v1Document });
    const at = new Date('2026-11-28T10:00:00Z');
    updateProgress(s, (p) => saveDraft(p, '01-lstm-cell-step', 'let a = 1;', at));
    updateProgress(s, (p) => saveDraft(p, '01-lstm-cell-step', 'let a = 2;', at));
    updateProgress(s, (p) => saveDraft(p, '02-lstm-forward', 'other', at));
    const stored = readProgress(s);
    expect(draftOf(stored, '01-lstm-cell-step')).toBe('let a = 2;');
    expect(JSON.parse(s.data.get(LOCAL_STORE_KEY)!).version).toBe(3);
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
