// One user's account as the browser's progress document (lib/progress/local-store v3), and the merge
// of a browser's document into the account: one transaction, idempotent (the same document twice
// changes nothing). Drafts and notes: the newer savedAt wins; ratings: union by (question, at), cards
// replayed; submissions: by clientId; exercises: solvedAt the earliest, last the latest.
import { LOCAL_STORE_VERSION, LOCAL_SUBMISSIONS_KEPT, noteKey, parseNoteKey, type LocalProgress, type NoteKind, type SubmissionRecord } from '../progress/local-store';
import type { PrismaClient } from './generated/prisma/client';
import { listDrafts, saveDraft } from './drafts-repo';
import { listNotes, saveNote } from './notes-repo';
import { inTransaction, lockUser, type DbClient } from './repo-support';
import { insertRatings, ratingsByQuestion, type RatingInput } from './reviews-repo';
import { insertSubmissions, listExerciseProgress, listSubmissions, recordExerciseAttempt } from './submissions-repo';

/** The parts of a progress document an account stores (LocalProgress and the export share them). */
export type ProgressParts = Pick<LocalProgress, 'questionRatings' | 'notes' | 'drafts' | 'exercises'> & { submissions: readonly SubmissionRecord[] };

/** Rows actually added or changed by a merge. */
export interface MergeCounts {
  submissions: number;
  drafts: number;
  notes: number;
  ratings: number;
}

/** Most ratings per question the browser document holds (its schema's limit); the account keeps all. */
const RATINGS_KEPT_PER_QUESTION = 1000;

/** The account's drafts, notes, ratings and exercise progress in the document's shape. */
export async function accountParts(db: DbClient, userId: string): Promise<Omit<ProgressParts, 'submissions'>> {
  const drafts = await listDrafts(db, userId);
  const notes = await listNotes(db, userId);
  const exercises = await listExerciseProgress(db, userId);
  const questionRatings = await ratingsByQuestion(db, userId);
  return {
    questionRatings,
    notes: Object.fromEntries(notes.map((n) => [noteKey(n.kind as NoteKind, n.targetId), { body: n.body, savedAt: n.savedAt.toISOString() }])),
    drafts: Object.fromEntries(drafts.map((d) => [d.exerciseId, { code: d.code, savedAt: d.savedAt.toISOString() }])),
    exercises: Object.fromEntries(
      exercises.map((e) => [
        e.exerciseId,
        {
          last: { verdict: e.lastVerdict as LocalProgress['exercises'][string]['last']['verdict'], includesHidden: e.lastWasSubmit, at: e.lastAt.toISOString() },
          solvedAt: e.solvedAt ? e.solvedAt.toISOString() : null,
        },
      ]),
    ),
  };
}

/** The account as a browser progress document: owner = the user, the latest submissions oldest first. */
export async function accountProgress(db: DbClient, userId: string): Promise<LocalProgress> {
  const parts = await accountParts(db, userId);
  const submissions = (await listSubmissions(db, userId, { limit: LOCAL_SUBMISSIONS_KEPT })).reverse();
  const questionRatings = Object.fromEntries(Object.entries(parts.questionRatings).map(([q, r]) => [q, r.slice(-RATINGS_KEPT_PER_QUESTION)]));
  return { version: LOCAL_STORE_VERSION, owner: userId, ...parts, questionRatings, submissions };
}

/** Writes the document's parts into the account (call inside a transaction); counts what changed. */
export async function applyParts(tx: DbClient, userId: string, parts: ProgressParts): Promise<MergeCounts> {
  await lockUser(tx, 'account', userId);
  const submissions = await insertSubmissions(tx, userId, parts.submissions);
  for (const [exerciseId, e] of Object.entries(parts.exercises)) {
    await recordExerciseAttempt(tx, userId, {
      exerciseId,
      verdict: e.last.verdict,
      wasSubmit: e.last.includesHidden,
      at: new Date(e.last.at),
      solvedAt: e.solvedAt ? new Date(e.solvedAt) : null,
    });
  }
  let drafts = 0;
  for (const [exerciseId, d] of Object.entries(parts.drafts)) if (await saveDraft(tx, userId, exerciseId, d.code, new Date(d.savedAt))) drafts++;
  let notes = 0;
  for (const [key, n] of Object.entries(parts.notes)) {
    const target = parseNoteKey(key);
    if (!target) throw new Error(`note key ${key} was not validated`);
    if (await saveNote(tx, userId, target.kind, target.targetId, n.body, new Date(n.savedAt))) notes++;
  }
  const ratings: RatingInput[] = Object.entries(parts.questionRatings).flatMap(([questionId, list]) => list.map((r) => ({ questionId, rating: r.rating, at: new Date(r.at) })));
  const ratingsAdded = await insertRatings(tx, userId, ratings);
  return { submissions, drafts, notes, ratings: ratingsAdded };
}

/** Merges a browser document into the account in one transaction; answers the merged account. */
export async function mergeProgress(prisma: PrismaClient, userId: string, doc: ProgressParts): Promise<{ counts: MergeCounts; progress: LocalProgress }> {
  return inTransaction(prisma, async (tx) => {
    const counts = await applyParts(tx, userId, doc);
    return { counts, progress: await accountProgress(tx, userId) };
  });
}
