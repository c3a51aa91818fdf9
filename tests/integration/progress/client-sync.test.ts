// The browser's sync (lib/progress/sync.ts) against the real API route functions on a scratch database:
// the client and the server agree on the contract — a guest's document merged on sign-in, each change
// sent to its route, a sign-in on a browser holding another account's leftovers, and what another
// browser then reads back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDraft, putDraft } from '@/lib/server/api/drafts';
import { putNote } from '@/lib/server/api/notes';
import { getProgress, postMerge } from '@/lib/server/api/progress';
import { postReview } from '@/lib/server/api/reviews';
import { postSubmission } from '@/lib/server/api/submissions';
import type { RouteHandler } from '@/lib/server/http';
import {
  clearDraft,
  emptyProgress,
  LOCAL_STORE_KEY,
  readProgress,
  recordRating,
  recordSubmission,
  saveDraft,
  saveNote,
  updateProgress,
  type LocalProgress,
} from '@/lib/progress/local-store';
import { createSyncQueue, diffProgress, isDirty, pushChange, syncAccount, type FetchLike } from '@/lib/progress/sync';
import { openHarness, origin, submission, type ApiHarness } from '../api/support';

let h: ApiHarness;

beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.cleanup();
});

/** A fetch that hands the browser's requests to the route functions, with this browser's session cookie. */
function browserFetch(cookie: string): FetchLike {
  const table: [string, RegExp, RouteHandler<Record<string, string>>, string[]][] = [
    ['GET', /^\/api\/progress$/, getProgress as RouteHandler<Record<string, string>>, []],
    ['POST', /^\/api\/progress\/merge$/, postMerge as RouteHandler<Record<string, string>>, []],
    ['POST', /^\/api\/submissions$/, postSubmission as RouteHandler<Record<string, string>>, []],
    ['POST', /^\/api\/reviews$/, postReview as RouteHandler<Record<string, string>>, []],
    ['PUT', /^\/api\/drafts\/([^/]+)$/, putDraft as RouteHandler<Record<string, string>>, ['exerciseId']],
    ['DELETE', /^\/api\/drafts\/([^/]+)$/, removeDraft as RouteHandler<Record<string, string>>, ['exerciseId']],
    ['PUT', /^\/api\/notes\/([^/]+)\/([^/]+)$/, putNote as RouteHandler<Record<string, string>>, ['kind', 'id']],
  ];
  return async (url, init) => {
    const method = init?.method ?? 'GET';
    for (const [m, pattern, route, names] of table) {
      const match = m === method ? pattern.exec(url) : null;
      if (!match) continue;
      const params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1])]));
      const headers = new Headers({ origin, cookie, ...(init?.headers as Record<string, string> | undefined) });
      return route(new Request(`${origin}${url}`, { method, headers, body: init?.body }), h.ctx, params);
    }
    throw new Error(`no route for ${method} ${url}`);
  };
}

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

const at = (minutes: number) => new Date(Date.UTC(2026, 3, 1, 10, minutes));

describe('browser sync against the API', () => {
  it("merges a guest's document on sign-in, sends later changes, and another browser reads it all back", async () => {
    const user = await h.signUp('sync-a@example.com');
    const fetchA = browserFetch(user.cookie);
    const browserA = memoryStorage();
    const done = submission({ at: at(3).toISOString() });
    updateProgress(browserA, (p) =>
      recordSubmission(saveDraft(saveNote(recordRating(p, '02-gates', 'good', at(0)), 'question', '02-gates', 'three gates', at(1)), '01-lstm-cell-step', 'draft 1', at(2)), done),
    );
    const guest = readProgress(browserA);

    const merged = await syncAccount(fetchA, browserA, user.id);
    expect(merged).toMatchObject({ ok: true, plan: 'merge' });
    const account = readProgress(browserA);
    expect(account.owner).toBe(user.id);
    expect(account.questionRatings).toEqual(guest.questionRatings);
    expect(account.notes).toEqual(guest.notes);
    expect(account.drafts).toEqual(guest.drafts);
    expect(account.submissions.map((s) => s.clientId)).toEqual([done.clientId]);
    expect(account.exercises['01-lstm-cell-step'].solvedAt).toBe(done.at);
    // Merging the same document again changes nothing.
    updateProgress(browserA, () => guest);
    await syncAccount(fetchA, browserA, user.id);
    expect(readProgress(browserA)).toEqual(account);

    // Later changes, each to its route, through the queue.
    const queue = createSyncQueue({ fetch: fetchA, storage: browserA, setTimer: () => 0, clearTimer: () => undefined });
    const change = (f: (p: LocalProgress) => LocalProgress) => {
      const before = readProgress(browserA);
      queue.enqueue(diffProgress(before, updateProgress(browserA, f)));
    };
    const run = submission({ kind: 'run', verdict: 'fail', at: at(20).toISOString(), exerciseId: '02-lstm-forward' });
    change((p) => recordRating(p, '07-lstm-vs-gru', 'hard', at(10)));
    change((p) => saveNote(p, 'exercise', '01-lstm-cell-step', 'mind the gate order', at(11)));
    change((p) => saveDraft(p, '02-lstm-forward', 'draft 2', at(12)));
    change((p) => clearDraft(p, '01-lstm-cell-step'));
    change((p) => recordSubmission(p, run));
    await queue.flush();
    expect(isDirty(browserA)).toBe(false);
    // A retry of that submission (a lost reply, a second tab) reaches the server again: stored once.
    expect(await pushChange(browserFetch(user.cookie), { kind: 'submission', record: run })).toBe('ok');
    expect(await h.scratch.db.prisma.submission.count({ where: { userId: user.id, clientId: run.clientId } })).toBe(1);

    // Another browser (the same account) pulls exactly browser A's document.
    const browserB = memoryStorage();
    const pulled = await syncAccount(browserFetch(user.cookie), browserB, user.id);
    expect(pulled).toMatchObject({ ok: true, plan: 'pull' });
    const b = readProgress(browserB);
    const a = readProgress(browserA);
    expect(b.questionRatings).toEqual(a.questionRatings);
    expect(b.notes).toEqual(a.notes);
    expect(b.drafts).toEqual(a.drafts);
    expect(b.submissions.map((s) => s.clientId)).toEqual(a.submissions.map((s) => s.clientId));
    expect(Object.keys(b.exercises).sort()).toEqual(['01-lstm-cell-step', '02-lstm-forward']);
    expect(b.exercises['01-lstm-cell-step'].solvedAt).toBe(done.at);
  });

  it("replaces another account's leftovers on sign-in and never sends them", async () => {
    const other = await h.signUp('sync-b@example.com');
    const me = await h.signUp('sync-c@example.com');
    const browser = memoryStorage();
    browser.setItem(LOCAL_STORE_KEY, JSON.stringify({ ...recordRating(emptyProgress(), '02-gates', 'easy', at(0)), owner: other.id }));
    const result = await syncAccount(browserFetch(me.cookie), browser, me.id);
    expect(result).toMatchObject({ ok: true, plan: 'replace' });
    expect(readProgress(browser)).toMatchObject({ owner: me.id, questionRatings: {} });
    const mine = await syncAccount(browserFetch(me.cookie), memoryStorage(), me.id);
    expect(mine.ok && mine.progress.questionRatings).toEqual({});
  });
});
