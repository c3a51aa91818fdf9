// Authorisation lives in the data layer: every route reads the user from the session cookie only, and
// every query is scoped by that user. User B can neither read nor change user A's submissions, drafts,
// notes or review state through ANY route — also with a forged `x-middleware-subrequest` header (the
// Next.js middleware-bypass header) and with A's user id in the body or the query. No session → 401.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyProgress, type LocalProgress } from '@/lib/progress/local-store';
import { removeDraft, putDraft } from '@/lib/server/api/drafts';
import { getExport, postImport } from '@/lib/server/api/export';
import { putNote } from '@/lib/server/api/notes';
import { getProgress, postMerge } from '@/lib/server/api/progress';
import { getDue, postReview } from '@/lib/server/api/reviews';
import { getOneSubmission, getSubmissions, postSubmission } from '@/lib/server/api/submissions';
import { NOT_SIGNED_IN } from '@/lib/server/http';
import { exportAccount } from '@/lib/server/export-repo';
import { call, openHarness, submission, type ApiHarness } from './support';

let h: ApiHarness;
let a: { id: string; cookie: string };
const aSubmission = submission({ clientId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', code: 'A-SECRET-CODE', exerciseId: '01-lstm-cell-step' });
const forged = { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' };

beforeAll(async () => {
  h = await openHarness(() => new Date('2026-12-10T00:00:00.000Z'));
  a = await h.signUp('alice@example.com');
  expect((await call(h, postSubmission, {}, { cookie: a.cookie, body: aSubmission })).status).toBe(201);
  expect((await call(h, putDraft, { exerciseId: '01-lstm-cell-step' }, { method: 'PUT', cookie: a.cookie, body: { code: 'A-SECRET-DRAFT', savedAt: '2026-12-01T00:00:00.000Z' } })).status).toBe(200);
  expect((await call(h, putNote, { kind: 'question', id: '02-gates' }, { method: 'PUT', cookie: a.cookie, body: { body: 'A-SECRET-NOTE', savedAt: '2026-12-01T00:00:00.000Z' } })).status).toBe(200);
  expect((await call(h, putNote, { kind: 'exercise', id: '01-lstm-cell-step' }, { method: 'PUT', cookie: a.cookie, body: { body: 'A-SECRET-EXNOTE', savedAt: '2026-12-01T00:00:00.000Z' } })).status).toBe(200);
  expect((await call(h, postReview, {}, { cookie: a.cookie, body: { questionId: '03-vanishing-gradients', rating: 'good', at: '2026-12-01T00:00:00.000Z' } })).status).toBe(200);
});
afterAll(async () => h?.cleanup());

/** A's whole account, as stored (export minus its timestamp). */
async function snapshotOfA() {
  const doc = await exportAccount(h.scratch.db.prisma, { id: a.id, email: 'alice@example.com', name: 'alice' }, new Date(0));
  const card = await h.scratch.db.prisma.reviewCard.findMany({ where: { userId: a.id } });
  return { doc, card };
}

/** Every route, called as "someone else": each tries to read or change A's data, naming A where it can. */
function attacks(cookie: string | undefined, headers: Record<string, string>) {
  const later = '2026-12-09T00:00:00.000Z';
  const opts = { cookie, headers };
  const hostile: LocalProgress = {
    ...emptyProgress(),
    owner: a.id,
    drafts: { '01-lstm-cell-step': { code: 'B-OVERWRITE', savedAt: later } },
  };
  const nullOwner: LocalProgress = { ...hostile, owner: null, notes: { 'question:02-gates': { body: 'B-OVERWRITE', savedAt: later } } };
  const importDoc = {
    format: 'lstm-prep-export',
    version: 1,
    exportedAt: later,
    account: { email: 'alice@example.com', name: 'alice' },
    submissions: [{ ...aSubmission, code: 'B-OVERWRITE' }],
    drafts: { '01-lstm-cell-step': { code: 'B-OVERWRITE', savedAt: later } },
    notes: { 'exercise:01-lstm-cell-step': { body: 'B-OVERWRITE', savedAt: later } },
    questionRatings: { '03-vanishing-gradients': [{ rating: 'again', at: later }] },
    exercises: {},
    userId: a.id,
  };
  return {
    'GET /api/submissions/<A id>': () => call(h, getOneSubmission, { clientId: aSubmission.clientId }, opts),
    'GET /api/submissions?userId=A': () => call(h, getSubmissions, {}, { ...opts, path: `/api/submissions?exerciseId=01-lstm-cell-step&userId=${a.id}` }),
    'POST /api/submissions (A clientId, A userId)': () => call(h, postSubmission, {}, { ...opts, body: { ...aSubmission, code: 'B-OVERWRITE', userId: a.id } }),
    'PUT /api/drafts (A userId)': () => call(h, putDraft, { exerciseId: '01-lstm-cell-step' }, { ...opts, method: 'PUT', body: { code: 'B-OVERWRITE', savedAt: later, userId: a.id } }),
    'DELETE /api/drafts': () => call(h, removeDraft, { exerciseId: '01-lstm-cell-step' }, { ...opts, method: 'DELETE', path: `/api/drafts/01-lstm-cell-step?userId=${a.id}` }),
    'PUT /api/notes/question': () => call(h, putNote, { kind: 'question', id: '02-gates' }, { ...opts, method: 'PUT', body: { body: 'B-OVERWRITE', savedAt: later, userId: a.id } }),
    'PUT /api/notes/exercise': () => call(h, putNote, { kind: 'exercise', id: '01-lstm-cell-step' }, { ...opts, method: 'PUT', body: { body: 'B-OVERWRITE', savedAt: later, userId: a.id } }),
    'POST /api/reviews (A userId)': () => call(h, postReview, {}, { ...opts, body: { questionId: '03-vanishing-gradients', rating: 'again', at: later, userId: a.id } }),
    'GET /api/reviews/due': () => call(h, getDue, {}, { ...opts, path: `/api/reviews/due?userId=${a.id}` }),
    'GET /api/progress': () => call(h, getProgress, {}, { ...opts, path: `/api/progress?userId=${a.id}` }),
    'POST /api/progress/merge (owner A)': () => call(h, postMerge, {}, { ...opts, body: hostile }),
    'POST /api/progress/merge (owner null)': () => call(h, postMerge, {}, { ...opts, body: nullOwner }),
    'GET /api/export': () => call(h, getExport, {}, { ...opts, path: `/api/export?userId=${a.id}` }),
    'POST /api/import (A account)': () => call(h, postImport, {}, { ...opts, body: importDoc }),
  };
}

describe('cross-user denial', () => {
  for (const [label, headers] of [
    ['plain', {}],
    ['forged x-middleware-subrequest', forged],
  ] as const) {
    it(`user B reads nothing of A's and changes nothing of A's through any route (${label})`, async () => {
      const b = await h.signUp(`bob-${label.length}@example.com`); // a fresh B: nothing of its own yet
      const before = await snapshotOfA();
      for (const [route, attack] of Object.entries(attacks(b.cookie, headers))) {
        const res = await attack();
        expect(res.status, route).toBeLessThan(500);
        const text = await res.text();
        expect(text, route).not.toMatch(/A-SECRET/);
        expect(text, route).not.toContain(a.id);
        if (route.startsWith('GET /api/submissions/')) expect(res.status, route).toBe(404);
        if (route === 'POST /api/progress/merge (owner A)') expect(res.status, route).toBe(400);
      }
      expect(await snapshotOfA()).toEqual(before);
      // What B wrote landed in B's own account.
      expect(await h.scratch.db.prisma.submission.count({ where: { userId: b.id, clientId: aSubmission.clientId } })).toBe(1);
    });
  }

  it('answers 401 to every route without a session (forged header and A id notwithstanding), writing nothing', async () => {
    const before = await snapshotOfA();
    const rows = async () => {
      const p = h.scratch.db.prisma;
      return [await p.submission.count(), await p.draft.count(), await p.note.count(), await p.reviewLog.count(), await p.reviewCard.count(), await p.exerciseProgress.count()];
    };
    const counts = await rows();
    for (const [route, attack] of Object.entries(attacks(undefined, { ...forged, 'x-user-id': a.id }))) {
      const res = await attack();
      expect(res.status, route).toBe(401);
      expect(await res.json(), route).toEqual({ error: NOT_SIGNED_IN });
    }
    // A made-up session cookie is no better.
    for (const [route, attack] of Object.entries(attacks('better-auth.session_token=forged.token', forged))) {
      expect((await attack()).status, route).toBe(401);
    }
    expect(await rows()).toEqual(counts);
    expect(await snapshotOfA()).toEqual(before);
  });

  it('still lets A read everything of A (the denial is by owner, not blanket)', async () => {
    const res = await call(h, getOneSubmission, { clientId: aSubmission.clientId }, { cookie: a.cookie });
    expect(res.status).toBe(200);
    expect((await res.json()).code).toBe('A-SECRET-CODE');
    const progress: LocalProgress = await (await call(h, getProgress, {}, { cookie: a.cookie })).json();
    expect(progress.drafts['01-lstm-cell-step'].code).toBe('A-SECRET-DRAFT');
    expect(progress.notes['question:02-gates'].body).toBe('A-SECRET-NOTE');
    expect(progress.questionRatings['03-vanishing-gradients']).toHaveLength(1);
  });
});
