// The learner's progress kept in the browser (guests, and everyone until the accounts issue syncs it):
// one versioned, zod-validated document in localStorage. Unreadable data is set aside, never thrown at
// the page, so a broken entry cannot lock a learner out. zod/mini: this ships to the browser.
import * as z from 'zod/mini';

export const LOCAL_STORE_KEY = 'lstm-prep:progress';
export const LOCAL_STORE_VERSION = 2;

/** The four FSRS ratings, in order (Again = forgot, Easy = too easy). */
export const RECALL_RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type RecallRating = (typeof RECALL_RATINGS)[number];

const isoDate = z.iso.datetime();

/** Longest draft kept per exercise (characters); far above any sensible solution. */
export const DRAFT_MAX_CHARS = 200_000;

const v1Fields = {
  /** Every rating given on a question page, oldest first (the review scheduler replays them). */
  questionRatings: z.record(z.string(), z.array(z.object({ rating: z.enum(RECALL_RATINGS), at: isoDate })).check(z.maxLength(1000))),
  /** What the learner jotted before revealing the answer, per question. */
  recallNotes: z.record(z.string(), z.string().check(z.maxLength(20_000))),
};

/** The document as version 1 wrote it (read only, to migrate). */
const localProgressV1Schema = z.object({ version: z.literal(1), ...v1Fields });

/** The last Run or Submit of an exercise in this browser. */
export const exerciseAttemptSchema = z.object({
  verdict: z.enum(['pass', 'fail', 'error', 'timeout']),
  /** true for Submit (hidden cases included), false for Run. */
  includesHidden: z.boolean(),
  at: isoDate,
});
export type ExerciseAttempt = z.infer<typeof exerciseAttemptSchema>;

export const localProgressSchema = z.object({
  version: z.literal(LOCAL_STORE_VERSION),
  ...v1Fields,
  /** The learner's unsubmitted code per exercise, autosaved by the workspace. */
  drafts: z.record(z.string(), z.object({ code: z.string().check(z.maxLength(DRAFT_MAX_CHARS)), savedAt: isoDate })),
  /** Per exercise: the last attempt, and when a Submit first passed (null: never). */
  exercises: z.record(z.string(), z.object({ last: exerciseAttemptSchema, solvedAt: z.nullable(isoDate) })),
});
export type LocalProgress = z.infer<typeof localProgressSchema>;

export function emptyProgress(): LocalProgress {
  return { version: LOCAL_STORE_VERSION, questionRatings: {}, recallNotes: {}, drafts: {}, exercises: {} };
}

/** Parses a stored document of any known version into the current one; null when it is not one. */
export function parseProgress(data: unknown): LocalProgress | null {
  const current = localProgressSchema.safeParse(data);
  if (current.success) return current.data;
  const v1 = localProgressV1Schema.safeParse(data);
  if (v1.success) return { ...emptyProgress(), questionRatings: v1.data.questionRatings, recallNotes: v1.data.recallNotes };
  return null;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

/** Reads the store; a missing, corrupt or unknown-version document is kept aside and replaced by an empty one. */
export function readProgress(storage: StorageLike): LocalProgress {
  const raw = storage.getItem(LOCAL_STORE_KEY);
  if (raw === null) return emptyProgress();
  try {
    const parsed = parseProgress(JSON.parse(raw));
    if (parsed) return parsed;
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

/** The saved draft of an exercise, or undefined. */
export function draftOf(p: LocalProgress, exerciseId: string): string | undefined {
  return p.drafts[exerciseId]?.code;
}

/** Stores `code` as the exercise's draft. */
export function saveDraft(p: LocalProgress, exerciseId: string, code: string, at: Date): LocalProgress {
  return { ...p, drafts: { ...p.drafts, [exerciseId]: { code, savedAt: at.toISOString() } } };
}

/** Forgets the exercise's draft (the editor falls back to the starter). */
export function clearDraft(p: LocalProgress, exerciseId: string): LocalProgress {
  const { [exerciseId]: _dropped, ...drafts } = p.drafts;
  return { ...p, drafts };
}

/** Records a Run or Submit; the first passing Submit marks the exercise solved. */
export function recordAttempt(p: LocalProgress, exerciseId: string, attempt: { verdict: ExerciseAttempt['verdict']; includesHidden: boolean }, at: Date): LocalProgress {
  const previous = p.exercises[exerciseId];
  const solvedNow = attempt.verdict === 'pass' && attempt.includesHidden;
  const solvedAt = previous?.solvedAt ?? (solvedNow ? at.toISOString() : null);
  return { ...p, exercises: { ...p.exercises, [exerciseId]: { last: { ...attempt, at: at.toISOString() }, solvedAt } } };
}

/** True once a Submit of the exercise has passed in this browser. */
export function isSolved(p: LocalProgress, exerciseId: string): boolean {
  return Boolean(p.exercises[exerciseId]?.solvedAt);
}
