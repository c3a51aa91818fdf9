'use client';
// React access to the browser progress store (lib/progress/local-store): every component reading it
// re-renders when any of them writes, and other tabs' writes arrive through the `storage` event.
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import {
  LOCAL_STORE_KEY,
  emptyProgress,
  parseProgress,
  readProgress,
  updateProgress,
  type LocalProgress,
} from '@/lib/progress/local-store';

const listeners = new Set<() => void>();

type ChangeObserver = (before: LocalProgress, after: LocalProgress) => void;
let observer: ChangeObserver | null = null;

/** The sync runtime watches every write made through `update` (what changed is sent to the account). */
export function setChangeObserver(next: ChangeObserver | null): void {
  observer = next;
}

/** Re-renders every reader after the store was written outside `update` (a resync, a sign-out). */
export function notifyProgressChanged(): void {
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === LOCAL_STORE_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The stored document; null on the server and before hydration. */
export function useLocalProgress(): [LocalProgress | null, (change: (p: LocalProgress) => LocalProgress) => void] {
  const raw = useSyncExternalStore(
    subscribe,
    () => localStorage.getItem(LOCAL_STORE_KEY) ?? '',
    () => null,
  );
  const progress = useMemo(() => {
    if (raw === null) return null;
    if (raw === '') return emptyProgress();
    try {
      return parseProgress(JSON.parse(raw)) ?? emptyProgress();
    } catch {
      return emptyProgress();
    }
  }, [raw]);
  const update = useCallback((change: (p: LocalProgress) => LocalProgress) => {
    const before = observer ? readProgress(localStorage) : null;
    const after = updateProgress(localStorage, change);
    listeners.forEach((l) => l());
    if (before && observer) observer(before, after);
  }, []);
  return [progress, update];
}
