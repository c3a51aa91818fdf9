'use client';
// Who is signed in on this browser, from one small fetch of better-auth's /api/auth/get-session (no auth
// client bundle on every page). Shared by the header, /account and the sync runtime. A browser that has
// never signed in (no hint, no account copy in the store) is a guest without asking the server.
import { useSyncExternalStore } from 'react';
import * as z from 'zod/mini';

export interface AccountUser {
  id: string;
  email: string;
  name: string;
}

/** unknown: the session could not be read (offline); nothing is decided from it. */
export type AccountState = { status: 'loading' } | { status: 'unknown' } | { status: 'guest' } | { status: 'signed-in'; user: AccountUser };

/** Set once a session was seen on this browser; the session cookie itself is HttpOnly. */
const HINT_KEY = 'lstm-prep:account-hint';

let state: AccountState = { status: 'loading' };
const listeners = new Set<() => void>();
let inFlight: Promise<AccountState> | null = null;

export function setAccountState(next: AccountState): void {
  state = next;
  if (next.status === 'signed-in' || next.status === 'guest') setHint(next.status === 'signed-in');
  listeners.forEach((l) => l());
}

export function currentAccount(): AccountState {
  return state;
}

/** better-auth's get-session answer: null without a session, else { session, user }. */
const sessionReplySchema = z.nullable(z.object({ user: z.object({ id: z.string(), email: z.string(), name: z.optional(z.nullable(z.string())) }) }));

function userOf(body: unknown): AccountUser | null {
  const parsed = sessionReplySchema.safeParse(body);
  if (!parsed.success || parsed.data === null) return null;
  const { id, email, name } = parsed.data.user;
  return { id, email, name: name ?? '' };
}

function setHint(signedIn: boolean) {
  try {
    if (signedIn) localStorage.setItem(HINT_KEY, '1');
    else localStorage.removeItem(HINT_KEY);
  } catch {
    /* storage unavailable */
  }
}

/** False when this browser certainly has no session: it never signed in (pages then send no auth request at all). */
export function mightBeSignedIn(hasAccountCopy: boolean): boolean {
  try {
    return hasAccountCopy || localStorage.getItem(HINT_KEY) === '1';
  } catch {
    return true;
  }
}

/** Reads the session again (after sign-in, sign-out, a 401). */
export function refreshAccount(): Promise<AccountState> {
  inFlight ??= (async () => {
    try {
      const res = await fetch('/api/auth/get-session', { credentials: 'same-origin', cache: 'no-store' });
      if (!res.ok) return { status: 'unknown' } as const;
      const user = userOf(await res.json().catch(() => null));
      return user ? ({ status: 'signed-in', user } as const) : ({ status: 'guest' } as const);
    } catch {
      return { status: 'unknown' } as const;
    }
  })().then((next) => {
    inFlight = null;
    setAccountState(next);
    return next;
  });
  return inFlight;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useAccount(): AccountState {
  return useSyncExternalStore(subscribe, currentAccount, () => ({ status: 'loading' }) as const);
}
