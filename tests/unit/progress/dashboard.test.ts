import { describe, expect, it } from 'vitest';
import { activityTimes, exerciseCounts, nextUnsolved, questionsByState, recentSubmissions, reviewQueue } from '@/lib/progress/dashboard';
import { emptyProgress, recordAttempt, recordRating, recordSubmission, saveDraft, type SubmissionRecord } from '@/lib/progress/local-store';

const day = (n: number) => new Date(Date.UTC(2026, 3, 1 + n, 9));
const sub = (clientId: string, exerciseId: string, n: number, verdict: SubmissionRecord['verdict']): SubmissionRecord => ({
  clientId,
  exerciseId,
  kind: 'submit',
  verdict,
  code: 'x',
  result: null,
  graderVersion: '1.1.0',
  backend: 'wasm',
  durationMs: 5,
  at: day(n).toISOString(),
});

describe('dashboard figures from the store', () => {
  let p = emptyProgress();
  p = recordSubmission(p, sub('11111111-1111-4111-8111-111111111111', '01-lstm-cell-step', 0, 'fail'));
  p = recordSubmission(p, sub('22222222-2222-4222-8222-222222222222', '01-lstm-cell-step', 1, 'pass'));
  p = saveDraft(p, '02-lstm-forward', 'draft', day(1));
  p = recordAttempt(p, '08-sequence-windows-forecast', { verdict: 'fail', includesHidden: false }, day(2)); // its submission is gone
  p = recordRating(p, '02-gates', 'easy', day(0));
  p = recordRating(p, '07-lstm-vs-gru', 'again', day(3));
  const exercises = ['01-lstm-cell-step', '02-lstm-forward', '03-lstm-bptt', '08-sequence-windows-forecast'];
  const questions = ['01-lstm-vs-rnn', '02-gates', '07-lstm-vs-gru'];

  it('counts solved and attempted per list of exercises, and finds the next unsolved in order', () => {
    expect(exerciseCounts(p, exercises.slice(0, 3))).toEqual({ solved: 1, attempted: 1, total: 3 });
    expect(exerciseCounts(p, exercises.slice(3))).toEqual({ solved: 0, attempted: 1, total: 1 });
    expect(nextUnsolved(p, exercises)).toBe('02-lstm-forward');
  });

  it('collects every activity time once', () => {
    expect(activityTimes(p).sort()).toEqual([day(0), day(0), day(1), day(2), day(3)].map((d) => d.toISOString()).sort());
  });

  it('sorts questions by review state and builds the review queue, earliest first', () => {
    const later = new Date(day(3).getTime() + 60 * 24 * 3600_000);
    expect(questionsByState(p, questions, day(3))).toEqual({ new: ['01-lstm-vs-rnn'], learning: ['07-lstm-vs-gru'], known: ['02-gates'], due: [] });
    const soon = reviewQueue(p, questions, day(3));
    expect(soon.due).toEqual([]);
    expect(soon.next?.questionId).toBe('07-lstm-vs-gru');
    const queue = reviewQueue(p, questions, later);
    expect(queue.due.map((q) => q.questionId)).toEqual(['07-lstm-vs-gru', '02-gates']); // 07 fell due minutes after day 3
    expect(queue.next).toBeNull();
  });

  it('lists recent submissions newest first', () => {
    expect(recentSubmissions(p, 1).map((s) => s.verdict)).toEqual(['pass']);
  });
});
