// Bad input never becomes a 500 and never writes anything: malformed JSON, wrong types and unknown ids
// are 400s with a message; bodies over a route's limit are 413 (whatever Content-Length claims), code
// over 100 kB and notes over 20 kB are 400s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_MAX_BYTES, NOTE_MAX_CHARS, emptyProgress } from '@/lib/progress/local-store';
import { DRAFT_BODY_LIMIT, putDraft, removeDraft } from '@/lib/server/api/drafts';
import { postImport } from '@/lib/server/api/export';
import { putNote } from '@/lib/server/api/notes';
import { postMerge } from '@/lib/server/api/progress';
import { postReview } from '@/lib/server/api/reviews';
import { getOneSubmission, postSubmission, SUBMISSION_BODY_LIMIT } from '@/lib/server/api/submissions';
import type { RouteHandler } from '@/lib/server/http';
import { call, openHarness, origin, submission, type ApiHarness } from './support';

let h: ApiHarness;
let ada: { id: string; cookie: string };

beforeAll(async () => {
  h = await openHarness();
  ada = await h.signUp('strict@example.com');
});
afterAll(async () => h?.cleanup());

async function rowCounts() {
  const p = h.scratch.db.prisma;
  return [await p.submission.count(), await p.draft.count(), await p.note.count(), await p.reviewLog.count(), await p.reviewCard.count(), await p.exerciseProgress.count()];
}

/** Every route with a body, with the params it needs. */
const bodyRoutes: [string, RouteHandler<never>, unknown, string][] = [
  ['POST /api/submissions', postSubmission as RouteHandler<never>, {}, 'POST'],
  ['PUT /api/drafts', putDraft as RouteHandler<never>, { exerciseId: '01-lstm-cell-step' }, 'PUT'],
  ['PUT /api/notes', putNote as RouteHandler<never>, { kind: 'question', id: '02-gates' }, 'PUT'],
  ['POST /api/reviews', postReview as RouteHandler<never>, {}, 'POST'],
  ['POST /api/progress/merge', postMerge as RouteHandler<never>, {}, 'POST'],
  ['POST /api/import', postImport as RouteHandler<never>, {}, 'POST'],
];

async function expect400(res: Response, message?: RegExp) {
  expect(res.status).toBe(400);
  const body = await res.json();
  expect(typeof body.error).toBe('string');
  if (message) expect(body.error).toMatch(message);
}

describe('malformed and invalid bodies', () => {
  it('answers 400 with a message to malformed JSON, an empty body and a wrong JSON type on every route', async () => {
    const before = await rowCounts();
    for (const [name, route, params, method] of bodyRoutes) {
      for (const body of ['{"clientId":', '', 'null', '[]', '"text"', '42']) {
        const res = await call(h, route, params as never, { method, cookie: ada.cookie, body: body === '' ? ' ' : body });
        expect(res.status, `${name} ${JSON.stringify(body)}`).toBe(400);
        expect((await res.json()).error, name).toBeTruthy();
      }
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('names the field that has the wrong type', async () => {
    await expect400(await call(h, postSubmission, {}, { cookie: ada.cookie, body: { ...submission(), durationMs: 'slow' } }), /durationMs/);
    await expect400(await call(h, postSubmission, {}, { cookie: ada.cookie, body: { ...submission(), clientId: 'not-a-uuid' } }), /clientId/);
    await expect400(await call(h, postSubmission, {}, { cookie: ada.cookie, body: { ...submission(), verdict: 'accepted' } }), /verdict/);
    await expect400(await call(h, putDraft, { exerciseId: '01-lstm-cell-step' }, { method: 'PUT', cookie: ada.cookie, body: { code: 5, savedAt: '2026-12-01T00:00:00.000Z' } }), /code/);
    await expect400(await call(h, putNote, { kind: 'question', id: '02-gates' }, { method: 'PUT', cookie: ada.cookie, body: { body: 'x', savedAt: 'today' } }), /savedAt/);
    await expect400(await call(h, postMerge, {}, { cookie: ada.cookie, body: { ...emptyProgress(), drafts: { '01-lstm-cell-step': { code: 1 } } } }), /drafts/);
    await expect400(await call(h, postImport, {}, { cookie: ada.cookie, body: { format: 'something-else' } }), /format/);
  });

  it('answers 400 to unknown exercise and question ids, in paths and in bodies', async () => {
    const before = await rowCounts();
    await expect400(await call(h, postSubmission, {}, { cookie: ada.cookie, body: submission({ exerciseId: '99-made-up' }) }), /99-made-up/);
    await expect400(await call(h, putDraft, { exerciseId: '99-made-up' }, { method: 'PUT', cookie: ada.cookie, body: { code: 'x', savedAt: '2026-12-01T00:00:00.000Z' } }), /99-made-up/);
    await expect400(await call(h, putNote, { kind: 'question', id: '01-lstm-cell-step' }, { method: 'PUT', cookie: ada.cookie, body: { body: 'x', savedAt: '2026-12-01T00:00:00.000Z' } }), /question id/);
    await expect400(await call(h, putNote, { kind: 'lesson', id: '02-gates' }, { method: 'PUT', cookie: ada.cookie, body: { body: 'x', savedAt: '2026-12-01T00:00:00.000Z' } }), /kind/);
    await expect400(await call(h, postReview, {}, { cookie: ada.cookie, body: { questionId: '21-made-up', rating: 'good', at: '2026-12-01T00:00:00.000Z' } }), /21-made-up/);
    await expect400(await call(h, postMerge, {}, { cookie: ada.cookie, body: { ...emptyProgress(), notes: { 'question:99-x': { body: 'x', savedAt: '2026-12-01T00:00:00.000Z' } } } }), /99-x/);
    await expect400(await call(h, postMerge, {}, { cookie: ada.cookie, body: { ...emptyProgress(), notes: { 'lesson:02-gates': { body: 'x', savedAt: '2026-12-01T00:00:00.000Z' } } } }), /note key/);
    await expect400(await call(h, getOneSubmission, { clientId: 'nope' }, { cookie: ada.cookie }), /submission id/);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('oversized bodies and fields', () => {
  /** A request whose body streams in 64 kB chunks with the given Content-Length (or none). */
  function streaming(bytes: number, contentLength: string | null, prefix = '{"code":"'): Request {
    const chunk = new TextEncoder().encode('x'.repeat(65_536));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode(prefix));
        if (sent >= bytes) return controller.close();
        controller.enqueue(chunk);
        sent += chunk.byteLength;
      },
    });
    const headers = new Headers({ 'content-type': 'application/json', cookie: ada.cookie, origin });
    if (contentLength !== null) headers.set('content-length', contentLength);
    return new Request(`${origin}/api/drafts/01-lstm-cell-step`, { method: 'PUT', headers, body, duplex: 'half' } as RequestInit);
  }

  it('answers 413 to a body over the route limit, declared, undeclared or lied about, and writes nothing', async () => {
    const before = await rowCounts();
    const big = DRAFT_BODY_LIMIT + 100_000;
    for (const cl of [String(big), null, '100']) {
      const res = await putDraft(streaming(big, cl), h.ctx, { exerciseId: '01-lstm-cell-step' });
      expect(res.status, `content-length ${cl}`).toBe(413);
      expect((await res.json()).error).toMatch(/larger than/);
    }
    const huge = await call(h, postSubmission, {}, { cookie: ada.cookie, body: { ...submission(), result: 'r'.repeat(SUBMISSION_BODY_LIMIT) } });
    expect(huge.status).toBe(413);
    expect(await rowCounts()).toEqual(before);
  });

  it('answers 400 to code over 100 kB (counted in UTF-8 bytes) and notes over 20,000 characters, and writes nothing', async () => {
    const before = await rowCounts();
    const code = '€'.repeat(Math.ceil(CODE_MAX_BYTES / 3) + 1); // under 100 k characters, over 100 kB
    await expect400(await call(h, postSubmission, {}, { cookie: ada.cookie, body: submission({ code }) }), /code/);
    await expect400(await call(h, putDraft, { exerciseId: '01-lstm-cell-step' }, { method: 'PUT', cookie: ada.cookie, body: { code, savedAt: '2026-12-01T00:00:00.000Z' } }), /code/);
    await expect400(await call(h, putNote, { kind: 'question', id: '02-gates' }, { method: 'PUT', cookie: ada.cookie, body: { body: 'n'.repeat(NOTE_MAX_CHARS + 1), savedAt: '2026-12-01T00:00:00.000Z' } }), /body/);
    const merge = { ...emptyProgress(), drafts: { '02-lstm-forward': { code: 'ok', savedAt: '2026-12-01T00:00:00.000Z' }, '01-lstm-cell-step': { code, savedAt: '2026-12-01T00:00:00.000Z' } } };
    await expect400(await call(h, postMerge, {}, { cookie: ada.cookie, body: merge }), /code/);
    expect(await rowCounts()).toEqual(before);
    // At the limit exactly is fine.
    const fits = 'x'.repeat(CODE_MAX_BYTES);
    expect((await call(h, putDraft, { exerciseId: '01-lstm-cell-step' }, { method: 'PUT', cookie: ada.cookie, body: { code: fits, savedAt: '2026-12-01T00:00:00.000Z' } })).status).toBe(200);
    expect((await call(h, putNote, { kind: 'question', id: '02-gates' }, { method: 'PUT', cookie: ada.cookie, body: { body: 'n'.repeat(NOTE_MAX_CHARS), savedAt: '2026-12-01T00:00:00.000Z' } })).status).toBe(200);
  });
});

describe('drafts and notes', () => {
  it('keeps the newer save: an older savedAt answers saved: false and changes nothing; delete is 204', async () => {
    const put = (code: string, savedAt: string) => call(h, putDraft, { exerciseId: '05-gru-cell' }, { method: 'PUT', cookie: ada.cookie, body: { code, savedAt } });
    expect(await (await put('v2', '2026-12-02T00:00:00.000Z')).json()).toEqual({ saved: true });
    expect(await (await put('v1', '2026-12-01T00:00:00.000Z')).json()).toEqual({ saved: false });
    expect(await (await put('v2 again', '2026-12-02T00:00:00.000Z')).json()).toEqual({ saved: false });
    expect(await (await put('v3', '2026-12-03T00:00:00.000Z')).json()).toEqual({ saved: true });
    const row = await h.scratch.db.prisma.draft.findUniqueOrThrow({ where: { userId_exerciseId: { userId: ada.id, exerciseId: '05-gru-cell' } } });
    expect(row.code).toBe('v3');
    expect((await call(h, removeDraft, { exerciseId: '05-gru-cell' }, { method: 'DELETE', cookie: ada.cookie })).status).toBe(204);
    expect(await h.scratch.db.prisma.draft.count({ where: { userId: ada.id, exerciseId: '05-gru-cell' } })).toBe(0);
  });

  it('decides concurrent saves by savedAt, not by arrival', async () => {
    const saves = Array.from({ length: 12 }, (_, i) => ({ body: `note ${i}`, savedAt: new Date(Date.UTC(2026, 11, 1, 0, 0, i)).toISOString() }));
    await Promise.all([...saves].reverse().map((body) => call(h, putNote, { kind: 'exercise', id: '06-gradient-flow' }, { method: 'PUT', cookie: ada.cookie, body })));
    const row = await h.scratch.db.prisma.note.findUniqueOrThrow({ where: { userId_kind_targetId: { userId: ada.id, kind: 'exercise', targetId: '06-gradient-flow' } } });
    expect(row.body).toBe('note 11');
  });
});
