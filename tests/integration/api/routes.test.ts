// The app/api route files themselves: each is wired to its route function with the process's database
// and auth (here the scratch ones), reads params the Next 16 way, and answers 401 without a session
// even with the forged middleware header.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as submissions from '@/app/api/submissions/route';
import * as submission from '@/app/api/submissions/[clientId]/route';
import * as drafts from '@/app/api/drafts/[exerciseId]/route';
import * as notes from '@/app/api/notes/[kind]/[id]/route';
import * as reviews from '@/app/api/reviews/route';
import * as due from '@/app/api/reviews/due/route';
import * as progress from '@/app/api/progress/route';
import * as merge from '@/app/api/progress/merge/route';
import * as exportRoute from '@/app/api/export/route';
import * as importRoute from '@/app/api/import/route';
import type { Auth } from '@/lib/server/auth';
import type { Db } from '@/lib/server/db';
import { emptyProgress } from '@/lib/progress/local-store';
import { openHarness, origin, submission as aSubmission, type ApiHarness } from './support';

let h: ApiHarness;
let ada: { id: string; cookie: string };
const holder = globalThis as typeof globalThis & { __lstmPrepDb?: Promise<Db>; __lstmPrepAuth?: Promise<Auth> };
const record = aSubmission();

beforeAll(async () => {
  h = await openHarness();
  ada = await h.signUp('routes@example.com');
  // The route files take the process's database and auth from getDb()/getAuth(): point them at the scratch ones.
  holder.__lstmPrepDb = Promise.resolve(h.scratch.db);
  holder.__lstmPrepAuth = Promise.resolve(h.auth);
});
afterAll(async () => {
  holder.__lstmPrepDb = undefined;
  holder.__lstmPrepAuth = undefined;
  await h?.cleanup();
});

const req = (method: string, path: string, cookie?: string, body?: unknown) => {
  const headers = new Headers({ origin, 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' });
  if (cookie) headers.set('cookie', cookie);
  if (body !== undefined) headers.set('content-type', 'application/json');
  return new Request(`${origin}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
};
const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const saved = { savedAt: '2026-12-01T00:00:00.000Z' };

/** Every route file and method, with a valid request for a signed-in user and the status it then gives. */
const routes: [string, (cookie?: string) => Promise<Response>, number][] = [
  ['POST /api/submissions', (c) => submissions.POST(req('POST', '/api/submissions', c, record)), 201],
  ['GET /api/submissions', (c) => submissions.GET(req('GET', '/api/submissions?exerciseId=01-lstm-cell-step', c)), 200],
  ['GET /api/submissions/[clientId]', (c) => submission.GET(req('GET', `/api/submissions/${record.clientId}`, c), params({ clientId: record.clientId })), 200],
  ['PUT /api/drafts/[exerciseId]', (c) => drafts.PUT(req('PUT', '/api/drafts/02-lstm-forward', c, { code: 'x', ...saved }), params({ exerciseId: '02-lstm-forward' })), 200],
  ['DELETE /api/drafts/[exerciseId]', (c) => drafts.DELETE(req('DELETE', '/api/drafts/02-lstm-forward', c), params({ exerciseId: '02-lstm-forward' })), 204],
  ['PUT /api/notes/[kind]/[id]', (c) => notes.PUT(req('PUT', '/api/notes/question/02-gates', c, { body: 'n', ...saved }), params({ kind: 'question', id: '02-gates' })), 200],
  ['POST /api/reviews', (c) => reviews.POST(req('POST', '/api/reviews', c, { questionId: '02-gates', rating: 'good', at: saved.savedAt })), 200],
  ['GET /api/reviews/due', (c) => due.GET(req('GET', '/api/reviews/due', c)), 200],
  ['GET /api/progress', (c) => progress.GET(req('GET', '/api/progress', c)), 200],
  ['POST /api/progress/merge', (c) => merge.POST(req('POST', '/api/progress/merge', c, emptyProgress())), 200],
  ['GET /api/export', (c) => exportRoute.GET(req('GET', '/api/export', c)), 200],
  [
    'POST /api/import',
    (c) => importRoute.POST(req('POST', '/api/import', c, { format: 'lstm-prep-export', version: 1, exportedAt: saved.savedAt, account: { email: 'x@example.com', name: 'x' }, submissions: [], drafts: {}, notes: {}, questionRatings: {}, exercises: {} })),
    200,
  ],
];

describe('app/api route files', () => {
  it('answer 401 to every route without a session, forged middleware header or not', async () => {
    for (const [name, run] of routes) {
      const res = await run();
      expect(res.status, name).toBe(401);
      expect((await res.json()).error, name).toMatch(/Sign in/);
    }
    await expect(h.scratch.db.prisma.submission.count()).resolves.toBe(0);
  });

  it('serve a signed-in user on every route', async () => {
    for (const [name, run, status] of routes) {
      const res = await run(ada.cookie);
      expect(res.status, `${name}: ${res.status === status ? '' : await res.clone().text()}`).toBe(status);
      expect(res.headers.get('cache-control'), name).toBe('no-store');
    }
    await expect(h.scratch.db.prisma.submission.count({ where: { userId: ada.id } })).resolves.toBe(1);
  });
});
