// The learner's progress kept in the browser (guests, and everyone until the accounts issue syncs it):
// one versioned, zod-validated document in localStorage. Unreadable data is set aside, never thrown at
// the page, so a broken entry cannot lock a learner out. zod/mini: this ships to the browser.
import * as z from 'zod/mini';

export const LOCAL_STORE_KEY = 'lstm-prep:progress';
export const LOCAL_STORE_VERSION = 3;

/** The four FSRS ratings, in order (Again = forgot, Easy = too easy). */
export const RECALL_RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type RecallRating = (typeof RECALL_RATINGS)[number];

const isoDate = z.iso.datetime();

/** Largest code kept per draft or submission, in UTF-8 bytes (the server accepts the same). */
export const CODE_MAX_BYTES = 100_000;
/** Longest note, in characters (the server accepts the same). */
export const NOTE_MAX_CHARS = 20_000;
/** Submissions kept in the browser, newest last (an account keeps all of them). */
export const LOCAL_SUBMISSIONS_KEPT = 50;

const utf8 = new TextEncoder();
export const utf8Bytes = (s: string) => utf8.encode(s).length;
const codeText = z.string().check(z.refine((s) => utf8Bytes(s) <= CODE_MAX_BYTES, `code is larger than ${CODE_MAX_BYTES / 1000} kB`));

const questionRatingsSchema = z.record(z.string(), z.array(z.object({ rating: z.enum(RECALL_RATINGS), at: isoDate })).check(z.maxLength(1000)));
const recallNotesSchema = z.record(z.string(), z.string().check(z.maxLength(NOTE_MAX_CHARS)));

/** Versions 1 and 2 as they were written (read only, to migrate). */
const localProgressV1Schema = z.object({ version: z.literal(1), questionRatings: questionRatingsSchema, recallNotes: recallNotesSchema });
const localProgressV2Schema = z.object({
  version: z.literal(2),
  questionRatings: questionRatingsSchema,
  recallNotes: recallNotesSchema,
  drafts: z.record(z.string(), z.object({ code: z.string(), savedAt: isoDate })),
  exercises: z.record(z.string(), z.object({ last: z.object({ verdict: z.enum(['pass', 'fail', 'error', 'timeout']), includesHidden: z.boolean(), at: isoDate }), solvedAt: z.nullable(isoDate) })),
});

/** The last Run or Submit of an exercise in this browser. */
export const exerciseAttemptSchema = z.object({
  verdict: z.enum(['pass', 'fail', 'error', 'timeout']),
  /** true for Submit (hidden cases included), false for Run. */
  includesHidden: z.boolean(),
  at: isoDate,
});
export type ExerciseAttempt = z.infer<typeof exerciseAttemptSchema>;

/** What a note is about: `question:<question id>` or `exercise:<exercise id>`. */
export const NOTE_KINDS = ['question', 'exercise'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
export const noteKey = (kind: NoteKind, targetId: string) => `${kind}:${targetId}`;

/** Splits a note key (`question:<id>` / `exercise:<id>`); null when it is neither. */
export function parseNoteKey(key: string): { kind: NoteKind; targetId: string } | null {
  const colon = key.indexOf(':');
  if (colon < 0) return null;
  const kind = key.slice(0, colon);
  const targetId = key.slice(colon + 1);
  if (!(NOTE_KINDS as readonly string[]).includes(kind) || targetId === '') return null;
  return { kind: kind as NoteKind, targetId };
}

/**
 * One Run or Submit as the browser grader reported it. `clientId` is made when grading starts and
 * sent with every retry, so the account stores it once however often it is sent.
 */
export const submissionRecordSchema = z.object({
  clientId: z.uuid(),
  exerciseId: z.string().check(z.minLength(1), z.maxLength(100)),
  kind: z.enum(['run', 'submit']),
  verdict: z.enum(['pass', 'fail', 'error', 'timeout']),
  code: codeText,
  /** The grader's result document (lib/grader/result.ts), stored as reported. */
  result: z.unknown(),
  graderVersion: z.string().check(z.maxLength(40)),
  backend: z.string().check(z.maxLength(40)),
  durationMs: z.number().check(z.int(), z.nonnegative()),
  at: isoDate,
});
export type SubmissionRecord = z.infer<typeof submissionRecordSchema>;

export const localProgressSchema = z.object({
  version: z.literal(LOCAL_STORE_VERSION),
  /** The account this browser's copy belongs to (null: a guest). A different account never merges it. */
  owner: z.nullable(z.string()),
  /** Every rating given on a question page, oldest first (the review scheduler replays them). */
  questionRatings: questionRatingsSchema,
  /** Notes by `noteKey(kind, id)`: what the learner jotted on a question page or beside an exercise. */
  notes: z.record(z.string(), z.object({ body: z.string().check(z.maxLength(NOTE_MAX_CHARS)), savedAt: isoDate })),
  /** The learner's unsubmitted code per exercise, autosaved by the workspace. */
  drafts: z.record(z.string(), z.object({ code: codeText, savedAt: isoDate })),
  /** Per exercise: the last attempt, and when a Submit first passed (null: never). */
  exercises: z.record(z.string(), z.object({ last: exerciseAttemptSchema, solvedAt: z.nullable(isoDate) })),
  /** The latest Runs and Submits, oldest first, at most LOCAL_SUBMISSIONS_KEPT. */
  submissions: z.array(submissionRecordSchema).check(z.maxLength(LOCAL_SUBMISSIONS_KEPT)),
});
export type LocalProgress = z.infer<typeof localProgressSchema>;

export function emptyProgress(): LocalProgress {
  return { version: LOCAL_STORE_VERSION, owner: null, questionRatings: {}, notes: {}, drafts: {}, exercises: {}, submissions: [] };
}

/** Notes from versions 1–2 had no date: they count as older than any note saved since. */
const UNDATED = new Date(0).toISOString();
const notesFromRecall = (recall: Record<string, string>) =>
  Object.fromEntries(Object.entries(recall).filter(([, body]) => body !== '').map(([id, body]) => [noteKey('question', id), { body, savedAt: UNDATED }]));

/** Parses a stored document of any known version into the current one; null when it is not one. */
export function parseProgress(data: unknown): LocalProgress | null {
  const current = localProgressSchema.safeParse(data);
  if (current.success) return current.data;
  const v2 = localProgressV2Schema.safeParse(data);
  if (v2.success) {
    const drafts = Object.fromEntries(Object.entries(v2.data.drafts).filter(([, d]) => utf8Bytes(d.code) <= CODE_MAX_BYTES));
    return { ...emptyProgress(), questionRatings: v2.data.questionRatings, notes: notesFromRecall(v2.data.recallNotes), drafts, exercises: v2.data.exercises };
  }
  const v1 = localProgressV1Schema.safeParse(data);
  if (v1.success) return { ...emptyProgress(), questionRatings: v1.data.questionRatings, notes: notesFromRecall(v1.data.recallNotes) };
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

/** Records a graded Run or Submit: kept in the recent list (once per clientId) and counted as an attempt. */
export function recordSubmission(p: LocalProgress, s: SubmissionRecord): LocalProgress {
  if (p.submissions.some((x) => x.clientId === s.clientId)) return p;
  const submissions = [...p.submissions, s].slice(-LOCAL_SUBMISSIONS_KEPT);
  const counted = recordAttempt(p, s.exerciseId, { verdict: s.verdict, includesHidden: s.kind === 'submit' }, new Date(s.at));
  return { ...counted, submissions };
}

/** The learner's note on a question or exercise ('' when none). */
export function noteOf(p: LocalProgress, kind: NoteKind, targetId: string): string {
  return p.notes[noteKey(kind, targetId)]?.body ?? '';
}

export function saveNote(p: LocalProgress, kind: NoteKind, targetId: string, body: string, at: Date): LocalProgress {
  return { ...p, notes: { ...p.notes, [noteKey(kind, targetId)]: { body, savedAt: at.toISOString() } } };
}

/** True once a Submit of the exercise has passed in this browser. */
export function isSolved(p: LocalProgress, exerciseId: string): boolean {
  return Boolean(p.exercises[exerciseId]?.solvedAt);
}
