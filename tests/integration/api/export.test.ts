// Export all my data and import it back: export → import into a fresh account → export again gives
// the same data; importing twice adds nothing; an invalid document is a 400 and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getExport, postImport } from '@/lib/server/api/export';
import { putDraft } from '@/lib/server/api/drafts';
import { putNote } from '@/lib/server/api/notes';
import { postReview } from '@/lib/server/api/reviews';
import { postMerge } from '@/lib/server/api/progress';
import { postSubmission } from '@/lib/server/api/submissions';
import { importAccount } from '@/lib/server/export-repo';
import { call, openHarness, submission, type ApiHarness } from './support';

let h: ApiHarness;
let source: { id: string; cookie: string };

beforeAll(async () => {
  h = await openHarness(() => new Date('2026-12-20T00:00:00.000Z'));
  source = await h.signUp('exporter@example.com');
  const c = source.cookie;
  for (let i = 0; i < 3; i++) {
    await call(h, postSubmission, {}, { cookie: c, body: submission({ exerciseId: '02-lstm-forward', kind: i === 2 ? 'submit' : 'run', verdict: i === 2 ? 'pass' : 'fail', at: `2026-12-0${i + 1}T10:00:00.000Z`, code: `attempt ${i} — ünïcode` }) });
  }
  await call(h, putDraft, { exerciseId: '03-lstm-bptt' }, { method: 'PUT', cookie: c, body: { code: 'draft code', savedAt: '2026-12-05T00:00:00.000Z' } });
  await call(h, putNote, { kind: 'question', id: '07-lstm-vs-gru' }, { method: 'PUT', cookie: c, body: { body: 'GRU: two gates', savedAt: '2026-12-05T00:00:00.000Z' } });
  await call(h, putNote, { kind: 'exercise', id: '02-lstm-forward' }, { method: 'PUT', cookie: c, body: { body: 'mind the gate order', savedAt: '2026-12-06T00:00:00.000Z' } });
  await call(h, postReview, {}, { cookie: c, body: { questionId: '07-lstm-vs-gru', rating: 'good', at: '2026-12-05T00:00:00.000Z' } });
  await call(h, postReview, {}, { cookie: c, body: { questionId: '07-lstm-vs-gru', rating: 'hard', at: '2026-12-08T00:00:00.000Z' } });
  // A solved mark with no submission behind it (a guest's v2 record, merged).
  await call(h, postMerge, {}, {
    cookie: c,
    body: { version: 3, owner: null, questionRatings: {}, notes: {}, drafts: {}, submissions: [], exercises: { '08-sequence-windows-forecast': { last: { verdict: 'pass', includesHidden: true, at: '2026-11-01T00:00:00.000Z' }, solvedAt: '2026-11-01T00:00:00.000Z' } } },
  });
});
afterAll(async () => h?.cleanup());

const exportOf = async (cookie: string) => {
  const res = await call(h, getExport, {}, { cookie });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="lstm-prep-export-2026-12-20\.json"/);
  return res.json();
};
const dataOf = ({ format, version, submissions, drafts, notes, questionRatings, exercises }: Record<string, unknown>) => ({ format, version, submissions, drafts, notes, questionRatings, exercises });

describe('export and import', () => {
  it('round-trips: export → import into a fresh account → export again equals', async () => {
    const first = await exportOf(source.cookie);
    expect(first.account).toEqual({ email: 'exporter@example.com', name: 'exporter' });
    expect(first.submissions).toHaveLength(3);
    expect(first.exercises['08-sequence-windows-forecast'].solvedAt).toBe('2026-11-01T00:00:00.000Z');
    const fresh = await h.signUp('importer@example.com');
    const imported = await call(h, postImport, {}, { cookie: fresh.cookie, body: first });
    expect(imported.status).toBe(200);
    expect(await imported.json()).toEqual({ imported: { submissions: 3, drafts: 1, notes: 2, ratings: 2 } });
    const second = await exportOf(fresh.cookie);
    expect(second.account.email).toBe('importer@example.com');
    expect(dataOf(second)).toEqual(dataOf(first));
    // The review cards were rebuilt from the imported ratings, equal to the source's.
    const card = (userId: string) => h.scratch.db.prisma.reviewCard.findMany({ where: { userId }, omit: { userId: true } });
    expect(await card(fresh.id)).toEqual(await card(source.id));
  });

  it('adds nothing when the same document is imported twice', async () => {
    const doc = await exportOf(source.cookie);
    const res = await call(h, postImport, {}, { cookie: source.cookie, body: doc });
    expect(await res.json()).toEqual({ imported: { submissions: 0, drafts: 0, notes: 0, ratings: 0 } });
    expect(dataOf(await exportOf(source.cookie))).toEqual(dataOf(doc));
  });

  it('answers 400 to an invalid document and writes nothing (not even its valid parts)', async () => {
    const target = await h.signUp('invalid-import@example.com');
    const doc = await exportOf(source.cookie);
    const broken = [
      { ...doc, version: 2 },
      { ...doc, submissions: [...doc.submissions, { ...doc.submissions[0], clientId: 'not-a-uuid' }] },
      { ...doc, drafts: { ...doc.drafts, '99-unknown': { code: 'x', savedAt: '2026-12-01T00:00:00.000Z' } } },
      { ...doc, questionRatings: { '07-lstm-vs-gru': [{ rating: 'meh', at: '2026-12-01T00:00:00.000Z' }] } },
      { ...doc, notes: { 'question:07-lstm-vs-gru': { body: 'x'.repeat(20_001), savedAt: '2026-12-01T00:00:00.000Z' } } },
    ];
    for (const [i, body] of broken.entries()) {
      const res = await call(h, postImport, {}, { cookie: target.cookie, body });
      expect(res.status, `document ${i}`).toBe(400);
      expect((await res.json()).error, `document ${i}`).toBeTruthy();
    }
    const p = h.scratch.db.prisma;
    const where = { userId: target.id };
    expect([await p.submission.count({ where }), await p.draft.count({ where }), await p.note.count({ where }), await p.reviewLog.count({ where }), await p.exerciseProgress.count({ where })]).toEqual([0, 0, 0, 0, 0]);
  });

  it('rolls back the whole import when a write fails half-way (no partial writes)', async () => {
    const target = await h.signUp('half-way@example.com');
    const doc = await exportOf(source.cookie);
    // Submissions and exercises are written before notes; a note key that slipped past validation
    // makes the transaction fail after them.
    const poisoned = { ...doc, notes: { ...doc.notes, 'bogus-key': { body: 'x', savedAt: '2026-12-01T00:00:00.000Z' } } };
    await expect(importAccount(h.scratch.db.prisma, target.id, poisoned)).rejects.toThrow(/not validated/);
    const p = h.scratch.db.prisma;
    const where = { userId: target.id };
    expect([await p.submission.count({ where }), await p.draft.count({ where }), await p.note.count({ where }), await p.reviewLog.count({ where }), await p.exerciseProgress.count({ where })]).toEqual([0, 0, 0, 0, 0]);
  });
});
