// Seeds the browser's progress store the way an earlier visit would have left it. The document is in the
// store's version 2 format on purpose: the app migrates it on load, as it does for returning learners.
import type { Page } from 'playwright-core';
import { LOCAL_STORE_KEY, type RecallRating } from '@/lib/progress/local-store';

export interface SeededProgress {
  questionRatings?: Record<string, { rating: RecallRating; at: string }[]>;
  drafts?: Record<string, { code: string; savedAt: string }>;
  exercises?: Record<string, { last: { verdict: string; includesHidden: boolean; at: string }; solvedAt?: string }>;
}

/** Writes `progress` into localStorage (the page must be on our origin); reload to let the app read it. */
export async function seedBrowserStore(page: Page, progress: SeededProgress): Promise<void> {
  const document = { version: 2, questionRatings: {}, recallNotes: {}, drafts: {}, exercises: {}, ...progress };
  await page.evaluate(([key, json]) => localStorage.setItem(key, json), [LOCAL_STORE_KEY, JSON.stringify(document)] as const);
}
