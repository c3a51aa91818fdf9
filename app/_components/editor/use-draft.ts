'use client';
// The learner's code for one exercise: the saved draft, else the starter; autosaved (debounced) to the browser store.
import { useCallback, useEffect, useRef, useState } from 'react';
import { clearDraft, draftOf, saveDraft } from '@/lib/progress/local-store';
import { useLocalProgress } from '../ui/use-local-progress';

/** Quiet time after the last keystroke before the draft is written. */
export const DRAFT_SAVE_DELAY_MS = 400;

/** `code` is null until the browser store has been read (the editor waits for it). */
export function useDraft(exerciseId: string, starter: string) {
  const [progress, update] = useLocalProgress();
  const [code, setCode] = useState<string | null>(null);
  const latest = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** Edits not yet written to the store. */
  const dirty = useRef(false);

  useEffect(() => {
    if (progress === null || latest.current !== null) return;
    const initial = draftOf(progress, exerciseId) ?? starter;
    latest.current = initial;
    setCode(initial);
  }, [progress, exerciseId, starter]);

  const flush = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const value = latest.current;
    if (!dirty.current || value === null) return;
    dirty.current = false;
    if (value === starter) update((p) => clearDraft(p, exerciseId));
    else update((p) => saveDraft(p, exerciseId, value, new Date()));
  }, [exerciseId, starter, update]);

  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  const change = useCallback(
    (next: string) => {
      latest.current = next;
      dirty.current = true;
      setCode(next);
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(flush, DRAFT_SAVE_DELAY_MS);
    },
    [flush],
  );

  /** Back to the starter; the draft is forgotten. */
  const reset = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    dirty.current = false;
    latest.current = starter;
    setCode(starter);
    update((p) => clearDraft(p, exerciseId));
  }, [exerciseId, starter, update]);

  /** The code as it is right now (also between keystrokes and the save). */
  const current = useCallback(() => latest.current ?? starter, [starter]);

  return { code, change, reset, current, progress, update };
}
