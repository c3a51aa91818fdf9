// Keeping the browser store and the account in step (the browser store stays the one source every view
// reads; when signed in it mirrors the account). Pure decisions (what to send, merge or replace) plus a
// small send queue with an injectable fetch, so the rules are unit-tested without a browser or a server.
// Routes and bodies are the HTTP contract of issue #12.
import {
  emptyProgress,
  LOCAL_STORE_KEY,
  LOCAL_SUBMISSIONS_KEPT,
  noteKey,
  parseNoteKey,
  parseProgress,
  readProgress,
  type LocalProgress,
  type NoteKind,
  type RecallRating,
  type SubmissionRecord,
} from './local-store';

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

/** One change of the browser store, as the account's routes take it. */
export type SyncChange =
  | { kind: 'submission'; record: SubmissionRecord }
  | { kind: 'draft'; exerciseId: string; code: string; savedAt: string }
  | { kind: 'draft-delete'; exerciseId: string }
  | { kind: 'note'; noteKind: NoteKind; targetId: string; body: string; savedAt: string }
  | { kind: 'rating'; questionId: string; rating: RecallRating; at: string };

/** Changes with the same key replace each other while waiting (only the latest draft of an exercise is sent). */
export function changeKey(c: SyncChange): string {
  switch (c.kind) {
    case 'submission':
      return `submission:${c.record.clientId}`;
    case 'draft':
    case 'draft-delete':
      return `draft:${c.exerciseId}`;
    case 'note':
      return `note:${noteKey(c.noteKind, c.targetId)}`;
    case 'rating':
      return `rating:${c.questionId}:${c.at}`;
  }
}

/** What changed between two versions of the store, as route calls (exercise records follow from submissions on the server). */
export function diffProgress(before: LocalProgress, after: LocalProgress): SyncChange[] {
  const changes: SyncChange[] = [];
  for (const [questionId, ratings] of Object.entries(after.questionRatings)) {
    const known = new Set((before.questionRatings[questionId] ?? []).map((r) => `${r.at}|${r.rating}`));
    for (const r of ratings) if (!known.has(`${r.at}|${r.rating}`)) changes.push({ kind: 'rating', questionId, rating: r.rating, at: r.at });
  }
  for (const [key, note] of Object.entries(after.notes)) {
    const old = before.notes[key];
    const target = parseNoteKey(key);
    if (target && (!old || old.savedAt !== note.savedAt || old.body !== note.body)) changes.push({ kind: 'note', noteKind: target.kind, targetId: target.targetId, body: note.body, savedAt: note.savedAt });
  }
  for (const [exerciseId, draft] of Object.entries(after.drafts)) {
    const old = before.drafts[exerciseId];
    if (!old || old.savedAt !== draft.savedAt || old.code !== draft.code) changes.push({ kind: 'draft', exerciseId, code: draft.code, savedAt: draft.savedAt });
  }
  for (const exerciseId of Object.keys(before.drafts)) if (!(exerciseId in after.drafts)) changes.push({ kind: 'draft-delete', exerciseId });
  const sent = new Set(before.submissions.map((s) => s.clientId));
  for (const record of after.submissions) if (!sent.has(record.clientId)) changes.push({ kind: 'submission', record });
  return changes;
}

/** The request a change becomes. */
export function requestFor(c: SyncChange): { method: 'POST' | 'PUT' | 'DELETE'; url: string; body?: unknown } {
  const id = (s: string) => encodeURIComponent(s);
  switch (c.kind) {
    case 'submission':
      return { method: 'POST', url: '/api/submissions', body: c.record };
    case 'draft':
      return { method: 'PUT', url: `/api/drafts/${id(c.exerciseId)}`, body: { code: c.code, savedAt: c.savedAt } };
    case 'draft-delete':
      return { method: 'DELETE', url: `/api/drafts/${id(c.exerciseId)}` };
    case 'note':
      return { method: 'PUT', url: `/api/notes/${c.noteKind}/${id(c.targetId)}`, body: { body: c.body, savedAt: c.savedAt } };
    case 'rating':
      return { method: 'POST', url: '/api/reviews', body: { questionId: c.questionId, rating: c.rating, at: c.at } };
  }
}

/**
 * ok: stored (or already there). retry: not reached or not now (offline, 5xx, 429): a resync will carry it.
 * signed-out: the session is gone (401). rejected: the server refuses this change for good (400, 404, 413).
 */
export type PushOutcome = 'ok' | 'retry' | 'signed-out' | 'rejected';

export function outcomeOf(status: number): PushOutcome {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 401) return 'signed-out';
  if (status === 400 || status === 404 || status === 413) return 'rejected';
  return 'retry';
}

export async function pushChange(fetchFn: FetchLike, c: SyncChange, keepalive = false): Promise<PushOutcome> {
  const { method, url, body } = requestFor(c);
  try {
    const res = await fetchFn(url, {
      method,
      credentials: 'same-origin',
      keepalive,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return outcomeOf(res.status);
  } catch {
    return 'retry';
  }
}

// ——— Merging, with the server's rules (so a reply that crossed a local change loses nothing) ———

const newer = <T extends { savedAt: string }>(a: T | undefined, b: T | undefined): T | undefined =>
  !a ? b : !b ? a : Date.parse(b.savedAt) > Date.parse(a.savedAt) ? b : a;

function mergeDated<T extends { savedAt: string }>(a: Record<string, T>, b: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) out[key] = newer(a[key], b[key])!;
  return out;
}

/**
 * The union of two documents: ratings by (question, time), submissions by clientId (latest kept), notes and
 * drafts by the newer savedAt, per exercise the earliest solve and the latest attempt. Owner: `a`'s.
 */
export function mergeProgress(a: LocalProgress, b: LocalProgress): LocalProgress {
  const questionRatings: LocalProgress['questionRatings'] = {};
  for (const q of new Set([...Object.keys(a.questionRatings), ...Object.keys(b.questionRatings)])) {
    const byTime = new Map<string, { rating: RecallRating; at: string }>();
    for (const r of [...(a.questionRatings[q] ?? []), ...(b.questionRatings[q] ?? [])]) if (!byTime.has(r.at)) byTime.set(r.at, r);
    questionRatings[q] = [...byTime.values()].sort((x, y) => Date.parse(x.at) - Date.parse(y.at));
  }
  const byId = new Map<string, SubmissionRecord>();
  for (const s of [...a.submissions, ...b.submissions]) if (!byId.has(s.clientId)) byId.set(s.clientId, s);
  const submissions = [...byId.values()].sort((x, y) => Date.parse(x.at) - Date.parse(y.at)).slice(-LOCAL_SUBMISSIONS_KEPT);
  const exercises: LocalProgress['exercises'] = {};
  for (const id of new Set([...Object.keys(a.exercises), ...Object.keys(b.exercises)])) {
    const x = a.exercises[id];
    const y = b.exercises[id];
    if (!x || !y) {
      exercises[id] = (x ?? y)!;
      continue;
    }
    const solved = [x.solvedAt, y.solvedAt].filter((s): s is string => s !== null).sort((p, q) => Date.parse(p) - Date.parse(q));
    exercises[id] = { last: Date.parse(y.last.at) > Date.parse(x.last.at) ? y.last : x.last, solvedAt: solved[0] ?? null };
  }
  return { ...a, questionRatings, notes: mergeDated(a.notes, b.notes), drafts: mergeDated(a.drafts, b.drafts), exercises, submissions };
}

/** True when the document holds nothing worth merging. */
export function isEmptyProgress(p: LocalProgress): boolean {
  return (
    Object.values(p.questionRatings).every((r) => r.length === 0) &&
    Object.keys(p.notes).length === 0 &&
    Object.keys(p.drafts).length === 0 &&
    Object.keys(p.exercises).length === 0 &&
    p.submissions.length === 0
  );
}

/**
 * What to do when `userId` is signed in on this browser:
 * merge — POST the local document to /api/progress/merge (a guest's progress, or this account's unsent changes);
 * pull — GET /api/progress and keep it (nothing local to add);
 * replace — another account's leftovers: never merged, replaced by this account's document.
 */
export type SyncPlan = 'merge' | 'pull' | 'replace';

export function planSync(local: LocalProgress, userId: string, dirty: boolean): SyncPlan {
  if (local.owner !== null && local.owner !== userId) return 'replace';
  if (local.owner === null) return isEmptyProgress(local) ? 'pull' : 'merge';
  return dirty ? 'merge' : 'pull';
}

// ——— The "needs a resync" mark (kept next to the store, so it outlives the page) ———

export const SYNC_STATE_KEY = 'lstm-prep:sync';

export function isDirty(storage: Pick<Storage, 'getItem'>): boolean {
  return storage.getItem(SYNC_STATE_KEY) === 'dirty';
}
export function setDirty(storage: Pick<Storage, 'setItem'>, dirty: boolean): void {
  try {
    storage.setItem(SYNC_STATE_KEY, dirty ? 'dirty' : 'clean');
  } catch {
    /* storage unavailable */
  }
}

function writeDocument(storage: StorageLike, p: LocalProgress) {
  storage.setItem(LOCAL_STORE_KEY, JSON.stringify(p));
}

/** Unsent local changes keep the resync mark; another account's leftovers go even when the account cannot be read now. */
function failed(storage: StorageLike, plan: SyncPlan, userId: string) {
  if (plan === 'replace') {
    writeDocument(storage, { ...emptyProgress(), owner: userId });
    setDirty(storage, false);
  } else if (plan === 'merge') setDirty(storage, true);
}

export type SyncResult = { ok: true; plan: SyncPlan; progress: LocalProgress } | { ok: false; plan: SyncPlan; status: number | null };

/**
 * Brings the browser store and the account of `userId` in step (on sign-in, sign-up, page load, back
 * online). The stored result always has `owner = userId`; local changes made while the request was out
 * are merged into the reply and leave the document marked for another resync.
 */
export async function syncAccount(fetchFn: FetchLike, storage: StorageLike, userId: string): Promise<SyncResult> {
  const local = readProgress(storage);
  const plan = planSync(local, userId, isDirty(storage));
  let res: Response;
  try {
    res =
      plan === 'merge'
        ? await fetchFn('/api/progress/merge', {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ ...local, owner: local.owner ?? null }),
          })
        : await fetchFn('/api/progress', { credentials: 'same-origin', cache: 'no-store' });
  } catch {
    failed(storage, plan, userId);
    return { ok: false, plan, status: null };
  }
  const reply = res.ok ? parseProgress(await res.json().catch(() => null)) : null;
  if (!reply) {
    failed(storage, plan, userId);
    return { ok: false, plan, status: res.status };
  }
  const account = { ...reply, owner: userId };
  const now = readProgress(storage);
  // What changed here while the request was out (the same owner only: another account's data never joins).
  const sameOwner = now.owner === null || now.owner === userId;
  const addedMeanwhile = plan !== 'replace' && sameOwner && JSON.stringify(now) !== JSON.stringify(local);
  const result = addedMeanwhile ? mergeProgress(account, now) : account;
  writeDocument(storage, result);
  setDirty(storage, addedMeanwhile);
  return { ok: true, plan, progress: result };
}

/** Sign-out: the account's copy leaves this browser (the next person here starts as a guest). */
export function forgetAccount(storage: StorageLike): void {
  writeDocument(storage, emptyProgress());
  setDirty(storage, false);
}

// ——— The send queue ———

export type QueueState = 'idle' | 'sending' | 'failed';

export interface SyncQueueOptions {
  fetch: FetchLike;
  storage: StorageLike;
  /** Quiet time before drafts and notes are sent (ratings and submissions go at once). */
  typingDelayMs?: number;
  /** A 401: the session ended (the page re-reads the account). */
  onSignedOut?: () => void;
  onState?: (state: QueueState) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/**
 * Sends store changes to the account. Every change marks the document "needs a resync" until it is
 * stored; a change that could not be sent leaves the mark, so the next page load or `online` event
 * posts the whole document to /merge (idempotent) — nothing is lost offline or when the tab closes.
 */
export function createSyncQueue(options: SyncQueueOptions) {
  const { fetch: fetchFn, storage, typingDelayMs = 800 } = options;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const waiting = new Map<string, SyncChange>();
  let timer: unknown = null;
  let running: Promise<void> | null = null;
  /** A send failed since the last full resync: only a resync may clear the mark. */
  let failedSinceResync = false;

  const report = () => options.onState?.(failedSinceResync ? 'failed' : running || waiting.size > 0 ? 'sending' : 'idle');

  function schedule(ms: number) {
    if (timer !== null) clearTimer(timer);
    timer = setTimer(() => {
      timer = null;
      void flush();
    }, ms);
  }

  function enqueue(changes: SyncChange[]) {
    if (changes.length === 0) return;
    for (const c of changes) {
      const key = changeKey(c);
      waiting.delete(key); // re-insert: keeps the send order of the latest change
      waiting.set(key, c);
    }
    setDirty(storage, true);
    schedule(changes.some((c) => c.kind === 'rating' || c.kind === 'submission') ? 0 : typingDelayMs);
    report();
  }

  async function flush(keepalive = false): Promise<void> {
    if (timer !== null) {
      clearTimer(timer);
      timer = null;
    }
    if (running) {
      await running;
      if (waiting.size > 0) return flush(keepalive);
      return;
    }
    if (waiting.size === 0) return;
    running = (async () => {
      while (waiting.size > 0) {
        const [key, change] = waiting.entries().next().value as [string, SyncChange];
        waiting.delete(key);
        const outcome = await pushChange(fetchFn, change, keepalive);
        if (outcome === 'retry') failedSinceResync = true;
        if (outcome === 'signed-out') {
          failedSinceResync = true;
          waiting.clear();
          options.onSignedOut?.();
        }
      }
      if (!failedSinceResync) setDirty(storage, false);
    })();
    report();
    try {
      await running;
    } finally {
      running = null;
      report();
    }
  }

  return {
    enqueue,
    flush,
    /** After a successful syncAccount: the document is whole on the server again. */
    resynced() {
      failedSinceResync = false;
      report();
    },
    /** Drops whatever waits (sign-out). */
    clear() {
      if (timer !== null) clearTimer(timer);
      timer = null;
      waiting.clear();
      failedSinceResync = false;
      report();
    },
    get size() {
      return waiting.size;
    },
  };
}
export type SyncQueue = ReturnType<typeof createSyncQueue>;
