// A guest's browser progress merged into the account on sign-up / sign-in: nothing lost, nothing
// counted twice (merging the same document again changes nothing), newer drafts and notes win,
// ratings are united and the card replayed, and a v2-era "solved" without submissions survives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyCard, fsrs, generatorParameters, Rating } from 'ts-fsrs';
import { emptyProgress, recordRating, recordSubmission, saveDraft, saveNote, type LocalProgress } from '@/lib/progress/local-store';
import { getProgress, postMerge } from '@/lib/server/api/progress';
import { putDraft } from '@/lib/server/api/drafts';
import { putNote } from '@/lib/server/api/notes';
import { postReview } from '@/lib/server/api/reviews';
import { postSubmission } from '@/lib/server/api/submissions';
import { call, openHarness, submission, type ApiHarness } from './support';

let h: ApiHarness;
let ada: { id: string; cookie: string };

beforeAll(async () => {
  h = await openHarness();
  ada = await h.signUp('merge@example.com');
});
afterAll(async () => h?.cleanup());

const t = (s: string) => new Date(`2026-11-${s}Z`);

function guestProgress(): LocalProgress {
  let p = emptyProgress();
  p = recordSubmission(p, submission({ clientId: '11111111-1111-4111-8111-111111111111', exerciseId: '01-lstm-cell-step', kind: 'run', verdict: 'fail', at: '2026-11-01T10:00:00.000Z' }));
  p = recordSubmission(p, submission({ clientId: '22222222-2222-4222-8222-222222222222', exerciseId: '01-lstm-cell-step', kind: 'submit', verdict: 'pass', at: '2026-11-01T10:05:00.000Z' }));
  p = saveDraft(p, '01-lstm-cell-step', 'guest draft, older', t('01T09:00:00'));
  p = saveDraft(p, '02-lstm-forward', 'guest draft, newer', t('03T09:00:00'));
  p = saveNote(p, 'question', '02-gates', 'guest note, newer', t('03T09:00:00'));
  p = saveNote(p, 'exercise', '01-lstm-cell-step', 'guest note, older', t('01T09:00:00'));
  p = recordRating(p, '02-gates', 'good', t('01T12:00:00'));
  p = recordRating(p, '02-gates', 'hard', t('05T12:00:00'));
  return p;
}

const merge = (doc: unknown) => call(h, postMerge, {}, { cookie: ada.cookie, body: doc });

describe('POST /api/progress/merge', () => {
  it('merges a guest document into an account that already has data: newer wins, ratings united', async () => {
    // The account already has: an older draft of 02, a newer draft of 01, notes either way, and a rating between the guest's two.
    await call(h, putDraft, { exerciseId: '01-lstm-cell-step' }, { method: 'PUT', cookie: ada.cookie, body: { code: 'account draft, newer', savedAt: '2026-11-02T09:00:00.000Z' } });
    await call(h, putDraft, { exerciseId: '02-lstm-forward' }, { method: 'PUT', cookie: ada.cookie, body: { code: 'account draft, older', savedAt: '2026-11-02T09:00:00.000Z' } });
    await call(h, putNote, { kind: 'question', id: '02-gates' }, { method: 'PUT', cookie: ada.cookie, body: { body: 'account note, older', savedAt: '2026-11-02T09:00:00.000Z' } });
    await call(h, putNote, { kind: 'exercise', id: '01-lstm-cell-step' }, { method: 'PUT', cookie: ada.cookie, body: { body: 'account note, newer', savedAt: '2026-11-02T09:00:00.000Z' } });
    await call(h, postReview, {}, { cookie: ada.cookie, body: { questionId: '02-gates', rating: 'again', at: '2026-11-03T12:00:00.000Z' } });

    const res = await merge(guestProgress());
    expect(res.status).toBe(200);
    const merged: LocalProgress = await res.json();
    expect(merged.owner).toBe(ada.id);
    expect(merged.drafts['01-lstm-cell-step'].code).toBe('account draft, newer');
    expect(merged.drafts['02-lstm-forward'].code).toBe('guest draft, newer');
    expect(merged.notes['question:02-gates'].body).toBe('guest note, newer');
    expect(merged.notes['exercise:01-lstm-cell-step'].body).toBe('account note, newer');
    expect(merged.questionRatings['02-gates']).toEqual([
      { rating: 'good', at: '2026-11-01T12:00:00.000Z' },
      { rating: 'again', at: '2026-11-03T12:00:00.000Z' },
      { rating: 'hard', at: '2026-11-05T12:00:00.000Z' },
    ]);
    expect(merged.submissions.map((s) => s.clientId).sort()).toEqual(['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222']);
    expect(merged.exercises['01-lstm-cell-step']).toEqual({ last: { verdict: 'pass', includesHidden: true, at: '2026-11-01T10:05:00.000Z' }, solvedAt: '2026-11-01T10:05:00.000Z' });

    // The card is the replay of the united history, in date order, not of the order the ratings arrived in.
    const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));
    let card = createEmptyCard(t('01T12:00:00'));
    card = scheduler.next(card, t('01T12:00:00'), Rating.Good).card;
    card = scheduler.next(card, t('03T12:00:00'), Rating.Again).card;
    card = scheduler.next(card, t('05T12:00:00'), Rating.Hard).card;
    const stored = await h.scratch.db.prisma.reviewCard.findUniqueOrThrow({ where: { userId_questionId: { userId: ada.id, questionId: '02-gates' } } });
    expect({ due: stored.due.toISOString(), state: stored.state, reps: stored.reps, lapses: stored.lapses }).toEqual({ due: card.due.toISOString(), state: card.state, reps: card.reps, lapses: card.lapses });
  });

  it('changes nothing when the same document is merged again (no duplicates)', async () => {
    const count = async () => {
      const p = h.scratch.db.prisma;
      const where = { userId: ada.id };
      return [await p.submission.count({ where }), await p.reviewLog.count({ where }), await p.draft.count({ where }), await p.note.count({ where }), await p.exerciseProgress.count({ where })];
    };
    const before = await count();
    const first = await (await call(h, getProgress, {}, { cookie: ada.cookie })).json();
    expect((await merge(guestProgress())).status).toBe(200);
    expect((await merge(guestProgress())).status).toBe(200);
    expect(await count()).toEqual(before);
    expect(await (await call(h, getProgress, {}, { cookie: ada.cookie })).json()).toEqual(first);
    // Merging the account's own document back is a no-op too.
    expect(await (await merge(first)).json()).toEqual(first);
  });

  it('keeps a v2-era guest "solved" that no submission backs (posted as v2 or migrated to v3)', async () => {
    const v2 = {
      version: 2,
      questionRatings: {},
      recallNotes: { '03-vanishing-gradients': 'old undated note' },
      drafts: {},
      exercises: { '05-gru-cell': { last: { verdict: 'pass', includesHidden: true, at: '2026-10-01T08:00:00.000Z' }, solvedAt: '2026-10-01T08:00:00.000Z' } },
    };
    const merged: LocalProgress = await (await merge(v2)).json();
    expect(merged.exercises['05-gru-cell'].solvedAt).toBe('2026-10-01T08:00:00.000Z');
    expect(merged.notes['question:03-vanishing-gradients'].body).toBe('old undated note');
    expect(merged.submissions.some((s) => s.exerciseId === '05-gru-cell')).toBe(false);
    // A later failing run does not unsolve it.
    const again = { ...emptyProgress(), exercises: { '05-gru-cell': { last: { verdict: 'fail' as const, includesHidden: false, at: '2026-10-02T08:00:00.000Z' }, solvedAt: null } } };
    const after: LocalProgress = await (await merge(again)).json();
    expect(after.exercises['05-gru-cell']).toEqual({ last: { verdict: 'fail', includesHidden: false, at: '2026-10-02T08:00:00.000Z' }, solvedAt: '2026-10-01T08:00:00.000Z' });
  });

  it('refuses a document owned by another account, or naming unknown ids, and writes nothing', async () => {
    const before = await h.scratch.db.prisma.draft.count({ where: { userId: ada.id } });
    const foreign = { ...saveDraft(emptyProgress(), '06-gradient-flow', 'x', t('10T00:00:00')), owner: 'someone-else' };
    const res = await merge(foreign);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/another account/);
    // One unknown id among valid rows: the valid rows are not written either (one transaction, checked first).
    const unknown = saveDraft(saveDraft(emptyProgress(), '06-gradient-flow', 'x', t('10T00:00:00')), '99-not-an-exercise', 'y', t('10T00:00:00'));
    const bad = await merge(unknown);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/99-not-an-exercise/);
    expect(await h.scratch.db.prisma.draft.count({ where: { userId: ada.id } })).toBe(before);
  });

  it('survives merges and submissions of one user racing each other (no deadlock, nothing lost)', async () => {
    const bob = await h.signUp('racer@example.com');
    const exercises = ['07-train-from-scratch', '08-sequence-windows-forecast', '09-multivariate-forecast', '10-session-recommendation'];
    const docs = exercises.map((_, i) => {
      let p = emptyProgress();
      // each document touches the exercises in a different order
      for (const ex of [...exercises.slice(i), ...exercises.slice(0, i)]) {
        p = recordSubmission(p, submission({ exerciseId: ex, at: new Date(Date.UTC(2026, 10, 1, i, exercises.indexOf(ex))).toISOString() }));
        p = saveDraft(p, ex, `draft ${i}`, new Date(Date.UTC(2026, 10, 1, i)));
      }
      return p;
    });
    const singles = exercises.map((ex) => submission({ exerciseId: ex, kind: 'run', verdict: 'fail', at: '2026-11-02T00:00:00.000Z' }));
    const responses = await Promise.all([
      ...docs.map((doc) => call(h, postMerge, {}, { cookie: bob.cookie, body: doc })),
      ...singles.map((s) => call(h, postSubmission, {}, { cookie: bob.cookie, body: s })),
      ...docs.map((doc) => call(h, postMerge, {}, { cookie: bob.cookie, body: doc })),
    ]);
    expect(responses.map((r) => r.status).every((s) => s === 200 || s === 201)).toBe(true);
    expect(await h.scratch.db.prisma.submission.count({ where: { userId: bob.id } })).toBe(exercises.length * docs.length + singles.length);
    const progress: LocalProgress = await (await call(h, getProgress, {}, { cookie: bob.cookie })).json();
    for (const ex of exercises) {
      expect(progress.drafts[ex].code).toBe(`draft ${docs.length - 1}`);
      expect(progress.exercises[ex].last).toEqual({ verdict: 'fail', includesHidden: false, at: '2026-11-02T00:00:00.000Z' });
      expect(progress.exercises[ex].solvedAt).toBe(new Date(Date.UTC(2026, 10, 1, 0, exercises.indexOf(ex))).toISOString());
    }
  });
});
