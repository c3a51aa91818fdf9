// The learner's progress kept in the browser (guests, and everyone until the accounts issue syncs it):
// one versioned, zod-validated document in localStorage. Unreadable data is set aside, never thrown at
// the page, so a broken entry cannot lock a learner out. zod/mini: this ships to the browser.
import * as z from 'zod/mini';

export const LOCAL_STORE_KEY = 'lstm-prep:progress';
export const LOCAL_STORE_VERSION = 1;

/** The four FSRS ratings, in order (Again = forgot, Easy = too easy). */
export const RECALL_RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type RecallRating = (typeof RECALL_RATINGS)[number];

const isoDate = z.iso.datetime();

export const localProgressSchema = z.object({
  version: z.literal(LOCAL_STORE_VERSION),
  /** Every rating given on a question page, oldest first (the review scheduler replays them). */
  questionRatings: z.record(z.string(), z.array(z.object({ rating: z.enum(RECALL_RATINGS), at: isoDate })).check(z.maxLength(1000))),
  /** What the learner jotted before revealing the answer, per question. */
  recallNotes: z.record(z.string(), z.string().check(z.maxLength(20_000))),
});
export type LocalProgress = z.infer<typeof localProgressSchema>;

export function emptyProgress(): LocalProgress {
  return { version: LOCAL_STORE_VERSION, questionRatings: {}, recallNotes: {} };
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

/** Reads the store; a missing, corrupt or unknown-version document is kept aside and replaced by an empty one. */
export function readProgress(storage: StorageLike): LocalProgress {
  const raw = storage.getItem(LOCAL_STORE_KEY);
  if (raw === null) return emptyProgress();
  try {
    const parsed = localProgressSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
  } catch {
    /* not JSON */
  }
  storage.setItem(`${LOCAL_STORE_KEY}:unreadable:${Date.now()}`, raw);
  return emptyProgress();
}

/** Applies `change` to the stored document and writes it back (validated). Returns the new document. */
export function updateProgress(storage: StorageLike, change: (p: LocalProgress) => LocalProgress): LocalProgress {
  const next = localProgressSchema.parse(change(readProgress(storage)));
  storage.setItem(LOCAL_STORE_KEY, JSON.stringify(next));
  return next;
}

export function recordRating(p: LocalProgress, questionId: string, rating: RecallRating, at: Date): LocalProgress {
  const history = p.questionRatings[questionId] ?? [];
  return { ...p, questionRatings: { ...p.questionRatings, [questionId]: [...history, { rating, at: at.toISOString() }] } };
}

export function lastRating(p: LocalProgress, questionId: string): RecallRating | undefined {
  return p.questionRatings[questionId]?.at(-1)?.rating;
}
