// Submissions and per-exercise progress of one user. Every query is scoped by the userId the caller
// got from the session: this is where authorisation lives. A submission is stored once per
// (user, clientId) by the unique constraint (INSERT … ON CONFLICT DO NOTHING), so a double click, a
// retry or two tabs never count twice; verdicts are stored as the browser reported them.
import { Prisma, type PrismaClient, type Submission } from './generated/prisma/client';
import type { SubmissionRecord } from '../progress/local-store';
import { randomUUID } from 'node:crypto';
import type { DbClient } from './repo-support';

export function toSubmissionRecord(row: Submission): SubmissionRecord {
  return {
    clientId: row.clientId,
    exerciseId: row.exerciseId,
    kind: row.kind as SubmissionRecord['kind'],
    verdict: row.verdict as SubmissionRecord['verdict'],
    code: row.code,
    result: row.result,
    graderVersion: row.graderVersion,
    backend: row.backend,
    durationMs: row.durationMs,
    at: row.submittedAt.toISOString(),
  };
}

export interface ExerciseAttemptRow {
  exerciseId: string;
  verdict: string;
  wasSubmit: boolean;
  at: Date;
  /** When a Submit first passed, as far as this record knows (null: not by this record). */
  solvedAt: Date | null;
}

/**
 * How an attempt folds into an existing progress row (the ON CONFLICT clause of both inserts below):
 * `last` follows the latest attempt, `solvedAt` keeps the earliest (LEAST ignores NULL).
 */
const FOLD_INTO_PROGRESS = Prisma.sql`ON CONFLICT ("userId", "exerciseId") DO UPDATE SET
  "lastVerdict" = CASE WHEN EXCLUDED."lastAt" > "exercise_progress"."lastAt" THEN EXCLUDED."lastVerdict" ELSE "exercise_progress"."lastVerdict" END,
  "lastWasSubmit" = CASE WHEN EXCLUDED."lastAt" > "exercise_progress"."lastAt" THEN EXCLUDED."lastWasSubmit" ELSE "exercise_progress"."lastWasSubmit" END,
  "lastAt" = GREATEST("exercise_progress"."lastAt", EXCLUDED."lastAt"),
  "solvedAt" = LEAST("exercise_progress"."solvedAt", EXCLUDED."solvedAt")`;

/**
 * Folds one attempt into the exercise's progress, atomically in SQL: `last` follows the latest
 * attempt, `solvedAt` keeps the earliest (LEAST ignores NULL). Monotone, so applying it twice or out of
 * order gives the same row.
 */
export async function recordExerciseAttempt(tx: DbClient, userId: string, a: ExerciseAttemptRow): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "exercise_progress" ("userId", "exerciseId", "lastVerdict", "lastWasSubmit", "lastAt", "solvedAt")
    VALUES (${userId}, ${a.exerciseId}, ${a.verdict}, ${a.wasSubmit}, ${a.at}, ${a.solvedAt})
    ${FOLD_INTO_PROGRESS}`;
}

/** The attempt a submission stands for (a passing Submit solves the exercise). */
export function attemptOf(s: SubmissionRecord): ExerciseAttemptRow {
  const at = new Date(s.at);
  return { exerciseId: s.exerciseId, verdict: s.verdict, wasSubmit: s.kind === 'submit', at, solvedAt: s.kind === 'submit' && s.verdict === 'pass' ? at : null };
}

/**
 * Inserts the submissions this user has not stored yet (by clientId) and folds each into its
 * exercise's progress. Returns how many rows were added.
 */
export async function insertSubmissions(tx: DbClient, userId: string, records: readonly SubmissionRecord[]): Promise<number> {
  if (records.length === 0) return 0;
  const { count } = await tx.submission.createMany({
    data: records.map((s) => ({
      userId,
      clientId: s.clientId,
      exerciseId: s.exerciseId,
      kind: s.kind,
      code: s.code,
      verdict: s.verdict,
      result: (s.result ?? null) as never,
      graderVersion: s.graderVersion,
      backend: s.backend,
      durationMs: s.durationMs,
      submittedAt: new Date(s.at),
    })),
    skipDuplicates: true,
  });
  for (const s of records) await recordExerciseAttempt(tx, userId, attemptOf(s));
  return count;
}

/**
 * Stores one submission and folds it into its exercise's progress, in ONE statement (atomic without a
 * transaction or a lock, so a learner's submissions from several tabs do not queue behind each other).
 * `created` is false when this user already stored its clientId; the progress row is then untouched.
 * Merges (which take the user's advisory lock) insert all their submissions before any progress row,
 * the same order as here, so the two cannot deadlock.
 */
export async function storeSubmission(prisma: PrismaClient, userId: string, record: SubmissionRecord): Promise<{ created: boolean }> {
  const a = attemptOf(record);
  const rows = await prisma.$queryRaw<{ created: number }[]>`
    WITH inserted AS (
      INSERT INTO "submission" ("id", "userId", "clientId", "exerciseId", "kind", "code", "verdict", "result", "graderVersion", "backend", "durationMs", "submittedAt")
      VALUES (${randomUUID()}, ${userId}, ${record.clientId}, ${record.exerciseId}, ${record.kind}, ${record.code}, ${record.verdict},
              ${JSON.stringify(record.result ?? null)}::jsonb, ${record.graderVersion}, ${record.backend}, ${record.durationMs}, ${a.at})
      ON CONFLICT ("userId", "clientId") DO NOTHING
      RETURNING 1
    ), progress AS (
      INSERT INTO "exercise_progress" ("userId", "exerciseId", "lastVerdict", "lastWasSubmit", "lastAt", "solvedAt")
      SELECT ${userId}, ${a.exerciseId}, ${a.verdict}, ${a.wasSubmit}, ${a.at}, ${a.solvedAt}::timestamp(3) FROM inserted
      ${FOLD_INTO_PROGRESS}
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM inserted)::int AS created`;
  return { created: rows[0].created === 1 };
}

/** This user's submissions, newest first, optionally of one exercise. */
export async function listSubmissions(db: DbClient, userId: string, opts: { exerciseId?: string; limit?: number } = {}): Promise<SubmissionRecord[]> {
  const rows = await db.submission.findMany({
    where: { userId, ...(opts.exerciseId ? { exerciseId: opts.exerciseId } : {}) },
    orderBy: [{ submittedAt: 'desc' }, { createdAt: 'desc' }],
    ...(opts.limit ? { take: opts.limit } : {}),
  });
  return rows.map(toSubmissionRecord);
}

/** One of this user's submissions by its clientId, or null (also when another user has that id). */
export async function getSubmission(db: DbClient, userId: string, clientId: string): Promise<SubmissionRecord | null> {
  const row = await db.submission.findUnique({ where: { userId_clientId: { userId, clientId } } });
  return row ? toSubmissionRecord(row) : null;
}

/** Per exercise, the latest attempt and when it was first solved. */
export async function listExerciseProgress(db: DbClient, userId: string) {
  return db.exerciseProgress.findMany({ where: { userId }, orderBy: { exerciseId: 'asc' } });
}
