// Smoke renders of the progress views (react-dom/server, no browser): the dashboard, the review session
// and the account panel render from a store document without throwing, with the test ids the browser
// suite relies on. The hooks that read the browser are replaced by fixed values.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyProgress, recordRating, recordSubmission, type LocalProgress } from '@/lib/progress/local-store';

const state = vi.hoisted(() => ({
  progress: null as LocalProgress | null,
  now: null as Date | null,
  account: { status: 'guest' } as { status: string; user?: { id: string; email: string; name: string } },
}));

vi.mock('@/app/_components/ui/use-local-progress', () => ({
  useLocalProgress: () => [state.progress, () => undefined],
  notifyProgressChanged: () => undefined,
  setChangeObserver: () => undefined,
}));
vi.mock('@/app/_components/ui/use-now', () => ({ useNow: () => state.now }));
vi.mock('@/app/_components/ui/account', () => ({
  useAccount: () => state.account,
  currentAccount: () => state.account,
  refreshAccount: async () => state.account,
  setAccountState: () => undefined,
  mightBeSignedIn: () => false,
}));

const NOW = new Date('2026-05-06T12:00:00Z');
const tracks = [
  { track: 'from-scratch', label: { en: 'From scratch', zh: '从零实现' }, exercises: [{ id: '01-lstm-cell-step', title: { en: 'LSTM cell step', zh: 'LSTM 单步' } }, { id: '02-lstm-forward', title: { en: 'Forward', zh: '前向' } }] },
];
const questions = [
  { id: '02-gates', title: { en: 'Gates', zh: '门' } },
  { id: '07-lstm-vs-gru', title: { en: 'LSTM vs GRU', zh: 'LSTM 与 GRU' } },
];

function withWork(): LocalProgress {
  let p = emptyProgress();
  p = recordSubmission(p, {
    clientId: '11111111-1111-4111-8111-111111111111',
    exerciseId: '01-lstm-cell-step',
    kind: 'submit',
    verdict: 'pass',
    code: 'export const answer = "<script>";',
    result: null,
    graderVersion: '1.1.0',
    backend: 'wasm',
    durationMs: 10,
    at: '2026-05-06T08:00:00Z',
  });
  p = recordRating(p, '02-gates', 'good', new Date('2026-04-01T08:00:00Z'));
  p = recordRating(p, '07-lstm-vs-gru', 'easy', new Date('2026-05-06T08:00:00Z'));
  return p;
}

beforeEach(() => {
  state.progress = withWork();
  state.now = NOW;
  state.account = { status: 'guest' };
});

describe('progress views render', () => {
  it('the dashboard: tracks, review states, streak, submissions (code escaped), what next', async () => {
    const { ProgressDashboard } = await import('@/app/_components/progress/progress-dashboard');
    const html = renderToString(createElement(ProgressDashboard, { tracks, questions, empty: createElement('p', null, 'empty') }));
    expect(html).toContain('data-testid="guest-note"');
    expect(html).toMatch(/data-track="from-scratch" data-solved="1" data-attempted="0"/);
    expect(html).toMatch(/data-testid="current-streak" data-days="1"/);
    expect(html).toMatch(/data-state="due" data-count="1"/);
    expect(html).toContain('data-verdict="pass"');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toMatch(/data-testid="next-exercise" data-exercise="02-lstm-forward"/);
    expect(html).toContain('data-testid="activity-calendar"');
  });

  it('the review session: the first due question, "1 of 1", the queue', async () => {
    const { ReviewSession } = await import('@/app/_components/questions/review-session');
    const html = renderToString(
      createElement(ReviewSession, { questions, answers: { '02-gates': createElement('p', null, 'ANSWER') }, empty: createElement('p', { 'data-testid': 'review-empty' }) }),
    );
    expect(html).toMatch(/data-testid="review-card" data-question="02-gates"/);
    expect(html).toContain('1 of 1');
    expect(html).toContain('ANSWER');
    expect(html).toMatch(/data-testid="due-list"/);
    expect(html).not.toContain('review-empty');
  });

  it('the review session with nothing due: the empty state and what comes next', async () => {
    state.progress = recordRating(emptyProgress(), '07-lstm-vs-gru', 'easy', NOW);
    const { ReviewSession } = await import('@/app/_components/questions/review-session');
    const html = renderToString(createElement(ReviewSession, { questions, answers: {}, empty: createElement('p', { 'data-testid': 'review-empty' }) }));
    expect(html).toContain('review-empty');
    expect(html).toMatch(/data-testid="review-next" data-question="07-lstm-vs-gru"/);
  });

  it('the account panel for a guest and for a signed-in learner', async () => {
    const { AccountPanel } = await import('@/app/_components/account/account-panel');
    expect(renderToString(createElement(AccountPanel))).toContain('data-testid="auth-form"');
    state.account = { status: 'signed-in', user: { id: 'u1', email: 'ada@example.com', name: 'ada' } };
    const html = renderToString(createElement(AccountPanel));
    expect(html).toContain('ada@example.com');
    for (const id of ['sign-out', 'change-password-form', 'export-data', 'import-file', 'delete-confirm', 'delete-account']) expect(html).toContain(`data-testid="${id}"`);
  });
});
