import { describe, expect, it } from 'vitest';
import { emptyProgress, LOCAL_STORE_KEY, readProgress, recordRating, recordSubmission, saveDraft, saveNote, clearDraft, type LocalProgress, type SubmissionRecord } from '@/lib/progress/local-store';
import { createSyncQueue, diffProgress, forgetAccount, isDirty, mergeProgress, planSync, requestFor, setDirty, syncAccount, type FetchLike } from '@/lib/progress/sync';

function memoryStorage() {
  const data = new Map<string, string>();
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

interface Call {
  url: string;
  method: string;
  body: unknown;
}

/** A fetch that records calls and answers from `reply` (a thrown error = offline). */
function fakeFetch(reply: (call: Call) => { status: number; body?: unknown } | 'offline') {
  const calls: Call[] = [];
  const fn: FetchLike = async (url, init) => {
    const call = { url, method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    const r = reply(call);
    if (r === 'offline') throw new TypeError('Failed to fetch');
    return new Response(r.body === undefined ? null : JSON.stringify(r.body), { status: r.status, headers: { 'content-type': 'application/json' } });
  };
  return { fn, calls };
}

const T0 = new Date('2026-04-01T10:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const submission = (clientId: string, minutes: number, verdict: SubmissionRecord['verdict'] = 'pass'): SubmissionRecord => ({
  clientId,
  exerciseId: '01-lstm-cell-step',
  kind: 'submit',
  verdict,
  code: 'export const x = 1;',
  result: { verdict },
  graderVersion: '1.1.0',
  backend: 'wasm',
  durationMs: 120,
  at: at(minutes).toISOString(),
});
const ID1 = '11111111-1111-4111-8111-111111111111';
const ID2 = '22222222-2222-4222-8222-222222222222';

function guestWithWork(): LocalProgress {
  let p = emptyProgress();
  p = recordRating(p, '02-gates', 'good', at(0));
  p = saveNote(p, 'question', '02-gates', 'four gates? no, three', at(1));
  p = saveDraft(p, '01-lstm-cell-step', 'draft code', at(2));
  p = recordSubmission(p, submission(ID1, 3));
  return p;
}

describe('what a change of the store sends', () => {
  it('turns each kind of change into its route call, and nothing for an unchanged document', () => {
    const before = emptyProgress();
    const after = guestWithWork();
    expect(diffProgress(after, after)).toEqual([]);
    const requests = diffProgress(before, after).map(requestFor);
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /api/reviews',
      'PUT /api/notes/question/02-gates',
      'PUT /api/drafts/01-lstm-cell-step',
      'POST /api/submissions',
    ]);
    expect(requests[0].body).toEqual({ questionId: '02-gates', rating: 'good', at: at(0).toISOString() });
    expect(requests[1].body).toEqual({ body: 'four gates? no, three', savedAt: at(1).toISOString() });
    expect(requests[3].body).toEqual(submission(ID1, 3));
  });

  it('sends only the new rating, and a DELETE for a draft reset to the starter', () => {
    const before = guestWithWork();
    const after = clearDraft(recordRating(before, '02-gates', 'hard', at(10)), '01-lstm-cell-step');
    expect(diffProgress(before, after).map(requestFor)).toEqual([
      { method: 'POST', url: '/api/reviews', body: { questionId: '02-gates', rating: 'hard', at: at(10).toISOString() } },
      { method: 'DELETE', url: '/api/drafts/01-lstm-cell-step' },
    ]);
  });

  it('sends a submission once, however often it is recorded', () => {
    const once = recordSubmission(emptyProgress(), submission(ID1, 0));
    expect(diffProgress(once, recordSubmission(once, submission(ID1, 0)))).toEqual([]);
  });
});

describe('merge or replace on sign-in', () => {
  it("merges a guest's progress and this account's unsent changes; replaces another account's leftovers", () => {
    expect(planSync(guestWithWork(), 'u1', false)).toBe('merge');
    expect(planSync(emptyProgress(), 'u1', false)).toBe('pull');
    expect(planSync({ ...guestWithWork(), owner: 'u1' }, 'u1', false)).toBe('pull');
    expect(planSync({ ...guestWithWork(), owner: 'u1' }, 'u1', true)).toBe('merge');
    expect(planSync({ ...guestWithWork(), owner: 'u2' }, 'u1', true)).toBe('replace');
  });

  it("posts a guest's document to /merge and keeps the account's reply, owned", async () => {
    const storage = memoryStorage();
    const guest = guestWithWork();
    storage.setItem(LOCAL_STORE_KEY, JSON.stringify(guest));
    const account = mergeProgress({ ...emptyProgress(), owner: 'u1', questionRatings: { '07-lstm-vs-gru': [{ rating: 'easy', at: at(-60).toISOString() }] } }, guest);
    const { fn, calls } = fakeFetch(() => ({ status: 200, body: account }));
    const result = await syncAccount(fn, storage, 'u1');
    expect(result).toMatchObject({ ok: true, plan: 'merge' });
    expect(calls).toEqual([{ url: '/api/progress/merge', method: 'POST', body: guest }]);
    const stored = readProgress(storage);
    expect(stored.owner).toBe('u1');
    expect(Object.keys(stored.questionRatings).sort()).toEqual(['02-gates', '07-lstm-vs-gru']);
    expect(isDirty(storage)).toBe(false);
  });

  it("never sends another account's leftovers: it reads this account and replaces them", async () => {
    const storage = memoryStorage();
    storage.setItem(LOCAL_STORE_KEY, JSON.stringify({ ...guestWithWork(), owner: 'u2' }));
    const mine = { ...emptyProgress(), owner: 'u1' };
    const { fn, calls } = fakeFetch(() => ({ status: 200, body: mine }));
    await syncAccount(fn, storage, 'u1');
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /api/progress']);
    expect(readProgress(storage)).toEqual(mine);
  });

  it("drops another account's leftovers even when the account cannot be read (offline)", async () => {
    const storage = memoryStorage();
    storage.setItem(LOCAL_STORE_KEY, JSON.stringify({ ...guestWithWork(), owner: 'u2' }));
    const { fn } = fakeFetch(() => 'offline');
    expect((await syncAccount(fn, storage, 'u1')).ok).toBe(false);
    expect(readProgress(storage)).toEqual({ ...emptyProgress(), owner: 'u1' });
  });

  it('keeps the guest document and marks it for a resync when /merge fails', async () => {
    const storage = memoryStorage();
    storage.setItem(LOCAL_STORE_KEY, JSON.stringify(guestWithWork()));
    for (const reply of ['offline', { status: 503 }, { status: 200, body: { not: 'a document' } }] as const) {
      const { fn } = fakeFetch(() => reply);
      expect((await syncAccount(fn, storage, 'u1')).ok).toBe(false);
      expect(readProgress(storage)).toEqual(guestWithWork());
      expect(isDirty(storage)).toBe(true);
    }
    // next load: still the guest's document, merged this time
    const { fn, calls } = fakeFetch(({ body }) => ({ status: 200, body: { ...(body as LocalProgress), owner: 'u1' } }));
    await syncAccount(fn, storage, 'u1');
    expect(calls[0].url).toBe('/api/progress/merge');
    expect(readProgress(storage).owner).toBe('u1');
    expect(isDirty(storage)).toBe(false);
  });

  it('keeps a rating given while the merge was out, and marks it for another resync', async () => {
    const storage = memoryStorage();
    storage.setItem(LOCAL_STORE_KEY, JSON.stringify(guestWithWork()));
    const { fn } = fakeFetch(({ body }) => {
      // the learner rates a question while the request is in flight
      storage.setItem(LOCAL_STORE_KEY, JSON.stringify(recordRating(readProgress(storage), '05-implementing-lstm', 'again', at(30))));
      return { status: 200, body: { ...(body as LocalProgress), owner: 'u1' } };
    });
    await syncAccount(fn, storage, 'u1');
    const stored = readProgress(storage);
    expect(stored.questionRatings['05-implementing-lstm']).toHaveLength(1);
    expect(stored.questionRatings['02-gates']).toHaveLength(1);
    expect(isDirty(storage)).toBe(true);
  });

  it('sign-out leaves an empty guest document', () => {
    const storage = memoryStorage();
    storage.setItem(LOCAL_STORE_KEY, JSON.stringify({ ...guestWithWork(), owner: 'u1' }));
    setDirty(storage, true);
    forgetAccount(storage);
    expect(readProgress(storage)).toEqual(emptyProgress());
    expect(isDirty(storage)).toBe(false);
  });
});

describe('merging two documents (the server rules, on the client)', () => {
  it('is idempotent and unions by question time, clientId; newer notes and drafts win; earliest solve', () => {
    const a = guestWithWork();
    expect(mergeProgress(a, a)).toEqual(a);
    let b: LocalProgress = { ...emptyProgress(), owner: 'u1' };
    b = saveNote(b, 'question', '02-gates', 'older', at(-5));
    b = saveDraft(b, '01-lstm-cell-step', 'newer draft', at(50));
    b = recordSubmission(b, submission(ID2, -30));
    b = recordRating(b, '02-gates', 'good', at(0)); // the same rating, already merged
    const m = mergeProgress(b, a);
    expect(m.owner).toBe('u1');
    expect(m.questionRatings['02-gates']).toHaveLength(1);
    expect(m.notes['question:02-gates'].body).toBe('four gates? no, three');
    expect(m.drafts['01-lstm-cell-step'].code).toBe('newer draft');
    expect(m.submissions.map((s) => s.clientId)).toEqual([ID2, ID1]);
    expect(m.exercises['01-lstm-cell-step'].solvedAt).toBe(at(-30).toISOString());
    expect(m.exercises['01-lstm-cell-step'].last.at).toBe(at(3).toISOString());
  });
});

describe('the send queue', () => {
  function manualTimers() {
    const pending: (() => void)[] = [];
    return {
      setTimer: (fn: () => void) => pending.push(fn),
      clearTimer: () => undefined,
      fire: () => pending.splice(0).forEach((fn) => fn()),
    };
  }

  it('sends a rating, and keeps only the latest draft of an exercise while typing', async () => {
    const storage = memoryStorage();
    const { fn, calls } = fakeFetch(() => ({ status: 200, body: { saved: true } }));
    const timers = manualTimers();
    const queue = createSyncQueue({ fetch: fn, storage, ...timers });
    let p = emptyProgress();
    for (const [i, code] of ['a', 'ab', 'abc'].entries()) {
      const next = saveDraft(p, '01-lstm-cell-step', code, at(i));
      queue.enqueue(diffProgress(p, next));
      p = next;
    }
    expect(isDirty(storage)).toBe(true);
    await queue.flush();
    expect(calls).toEqual([{ url: '/api/drafts/01-lstm-cell-step', method: 'PUT', body: { code: 'abc', savedAt: at(2).toISOString() } }]);
    expect(isDirty(storage)).toBe(false);
  });

  it('a failed send keeps the resync mark (later successes do not clear it) until a resync', async () => {
    const storage = memoryStorage();
    let online = false;
    const { fn, calls } = fakeFetch(() => (online ? { status: 201, body: {} } : 'offline'));
    const queue = createSyncQueue({ fetch: fn, storage, ...manualTimers() });
    queue.enqueue(diffProgress(emptyProgress(), recordSubmission(emptyProgress(), submission(ID1, 0))));
    await queue.flush();
    expect(isDirty(storage)).toBe(true);
    online = true;
    queue.enqueue(diffProgress(emptyProgress(), recordRating(emptyProgress(), '02-gates', 'easy', at(1))));
    await queue.flush();
    expect(calls.map((c) => c.url)).toEqual(['/api/submissions', '/api/reviews']);
    expect(isDirty(storage)).toBe(true);
    queue.resynced();
    queue.enqueue(diffProgress(emptyProgress(), recordRating(emptyProgress(), '02-gates', 'easy', at(2))));
    await queue.flush();
    expect(isDirty(storage)).toBe(false);
  });

  it('reports a 401 as signed out, and does not retry a change the server rejects for good', async () => {
    const storage = memoryStorage();
    let signedOut = 0;
    const { fn } = fakeFetch(({ url }) => ({ status: url === '/api/reviews' ? 401 : 400, body: { error: 'x' } }));
    const queue = createSyncQueue({ fetch: fn, storage, onSignedOut: () => signedOut++, ...manualTimers() });
    queue.enqueue(diffProgress(emptyProgress(), recordSubmission(emptyProgress(), submission(ID1, 0))));
    await queue.flush();
    expect(isDirty(storage)).toBe(false); // rejected: a resync would be refused too
    queue.enqueue(diffProgress(emptyProgress(), recordRating(emptyProgress(), '02-gates', 'easy', at(1))));
    await queue.flush();
    expect(signedOut).toBe(1);
    expect(isDirty(storage)).toBe(true);
  });
});
