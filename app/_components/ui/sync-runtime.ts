'use client';
// The browser side of syncing (lib/progress/sync.ts does the deciding): one send queue per page, the
// resync on load / sign-in / `online`, and sign-out's clearing of the local copy. Every view keeps
// reading the browser store; this only keeps that store and the account in step.
import { useSyncExternalStore } from 'react';
import { readProgress, type LocalProgress } from '@/lib/progress/local-store';
import { createSyncQueue, diffProgress, forgetAccount, isDirty, setDirty, syncAccount, type QueueState } from '@/lib/progress/sync';
import { currentAccount, mightBeSignedIn, refreshAccount, setAccountState, type AccountUser } from './account';
import { notifyProgressChanged, setChangeObserver } from './use-local-progress';

/** guest: nothing to sync; syncing: a resync or sends in flight; synced: the account has everything; offline: a resync is owed. */
export type SyncStatus = 'guest' | 'syncing' | 'synced' | 'offline';

let status: SyncStatus = 'guest';
const listeners = new Set<() => void>();
function setStatus(next: SyncStatus) {
  if (next === status) return;
  status = next;
  listeners.forEach((l) => l());
}

let resyncing: Promise<boolean> | null = null;

const queue =
  typeof window === 'undefined'
    ? null
    : createSyncQueue({
        fetch: (url, init) => fetch(url, init),
        storage: localStorage,
        onSignedOut: () => void refreshAccount().then(afterAccountChange),
        onState: (s: QueueState) => {
          if (resyncing || currentAccount().status !== 'signed-in') return;
          setStatus(s === 'failed' ? 'offline' : s === 'sending' ? 'syncing' : 'synced');
          if (s === 'failed') retryLater();
        },
      });

/** After a failed send, one resync a little later (the server may be back before any `online` event). */
const RETRY_AFTER_MS = 30_000;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
function retryLater() {
  if (retryTimer !== null) return;
  retryTimer = setTimeout(() => {
    retryTimer = null;
    const account = currentAccount();
    if (account.status === 'signed-in' && isDirty(localStorage)) void resync(account.user);
  }, RETRY_AFTER_MS);
}

function onLocalChange(before: LocalProgress, after: LocalProgress) {
  const account = currentAccount();
  // A change to an account's copy before the session is known (the page just loaded, or the session
  // could not be read): the resync that follows must merge it rather than pull over it.
  if (account.status !== 'signed-in' && account.status !== 'guest') {
    if (after.owner !== null) setDirty(localStorage, true);
    return;
  }
  // Only the signed-in account's own copy is sent (never a guest's document, never another account's leftovers).
  if (account.status !== 'signed-in' || after.owner !== account.user.id) return;
  queue?.enqueue(diffProgress(before, after));
}

/** Brings the store and `user`'s account in step; true when it worked. */
export function resync(user: AccountUser): Promise<boolean> {
  resyncing ??= (async () => {
    setStatus('syncing');
    await queue?.flush();
    let result = await syncAccount((url, init) => fetch(url, init), localStorage, user.id);
    // Changes made while the first request was out are in the store, marked: send them right away.
    if (result.ok && isDirty(localStorage)) result = await syncAccount((url, init) => fetch(url, init), localStorage, user.id);
    notifyProgressChanged();
    if (result.ok) queue?.resynced();
    return result.ok;
  })().then((ok) => {
    resyncing = null;
    setStatus(ok ? (queue && queue.size > 0 ? 'syncing' : 'synced') : 'offline');
    if (!ok) retryLater();
    return ok;
  });
  return resyncing;
}

/** Sign-out (or a session that ended): the account's copy leaves this browser. */
export function forgetLocalAccount(): void {
  queue?.clear();
  forgetAccount(localStorage);
  notifyProgressChanged();
  setStatus('guest');
}

/** What to do once the session is known: resync a signed-in account; clear an account's copy left without a session. */
export async function afterAccountChange(): Promise<void> {
  const account = currentAccount();
  if (account.status === 'signed-in') {
    await resync(account.user);
  } else if (account.status === 'guest') {
    if (readProgress(localStorage).owner !== null) forgetLocalAccount();
    setStatus('guest');
  }
}

/** Sends what waits now (before a sign-out, when the page is hidden). */
export function flushChanges(keepalive = false): Promise<void> {
  return queue?.flush(keepalive) ?? Promise.resolve();
}

let started = false;
/** Once per page: read the session (unless this browser never signed in), resync, and resync again when back online. */
export function startSync(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  setChangeObserver(onLocalChange);
  if (mightBeSignedIn(readProgress(localStorage).owner !== null)) void refreshAccount().then(afterAccountChange);
  else setAccountState({ status: 'guest' });
  window.addEventListener('online', () => {
    const account = currentAccount();
    if (account.status === 'signed-in' && isDirty(localStorage)) void resync(account.user);
    else if (account.status === 'unknown') void refreshAccount().then(afterAccountChange);
  });
  window.addEventListener('pagehide', () => void flushChanges(true));
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSyncStatus(): SyncStatus {
  return useSyncExternalStore(subscribe, () => status, () => 'guest' as const);
}
