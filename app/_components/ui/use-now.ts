'use client';
// "Now" for views that depend on the clock (due reviews, today's streak): null on the server, so nothing
// time-dependent is pre-rendered; on the client it moves every minute.
import { useMemo, useSyncExternalStore } from 'react';

let clock: number | null = null;
/** Moves "now" every minute while a view shows it. */
function subscribeClock(listener: () => void) {
  if (clock !== null && Date.now() - clock > 30_000) {
    clock = Date.now(); // a view mounted again after a while (client-side navigation)
    listener();
  }
  const timer = setInterval(() => {
    clock = Date.now();
    listener();
  }, 60_000);
  return () => clearInterval(timer);
}
/** "Now" on the client, to the minute (null on the server, so nothing time-dependent is pre-rendered). */
export function useNow(): Date | null {
  const stamp = useSyncExternalStore(subscribeClock, () => (clock ??= Date.now()), () => null);
  return useMemo(() => (stamp === null ? null : new Date(stamp)), [stamp]);
}

