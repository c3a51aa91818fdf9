import { describe, expect, it } from 'vitest';
import { exerciseStatus } from '@/lib/progress/exercise-status';
import { emptyProgress, recordAttempt, saveDraft } from '@/lib/progress/local-store';

const at = new Date('2026-05-01T10:00:00Z');

describe('exerciseStatus', () => {
  it('is not started without a draft or an attempt', () => {
    expect(exerciseStatus(emptyProgress(), '01-lstm-cell-step')).toBe('not-started');
  });

  it('is attempted after a saved draft or a failing run', () => {
    expect(exerciseStatus(saveDraft(emptyProgress(), '01-lstm-cell-step', 'x', at), '01-lstm-cell-step')).toBe('attempted');
    const failed = recordAttempt(emptyProgress(), '02-lstm-forward', { verdict: 'fail', includesHidden: true }, at);
    expect(exerciseStatus(failed, '02-lstm-forward')).toBe('attempted');
  });

  it('is solved only by a passing Submit with the hidden cases, and stays solved', () => {
    const run = recordAttempt(emptyProgress(), '03-lstm-bptt', { verdict: 'pass', includesHidden: false }, at);
    expect(exerciseStatus(run, '03-lstm-bptt')).toBe('attempted');
    const submitted = recordAttempt(run, '03-lstm-bptt', { verdict: 'pass', includesHidden: true }, at);
    expect(exerciseStatus(submitted, '03-lstm-bptt')).toBe('solved');
    const laterFail = recordAttempt(submitted, '03-lstm-bptt', { verdict: 'fail', includesHidden: true }, at);
    expect(exerciseStatus(laterFail, '03-lstm-bptt')).toBe('solved');
  });
});
