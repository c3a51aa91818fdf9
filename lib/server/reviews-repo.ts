// Spaced-repetition state of one user's questions. Every rating is a ReviewLog row, unique by
// (user, question, ratedAt), so re-sending or merging a rating adds nothing; the card is then replayed
// from all of the question's logs with the same scheduler as the browser (lib/progress/review-schedule),
// so ratings merged out of order give exactly the card an in-order history would.
import type { Card } from 'ts-fsrs';
import { RECALL_RATINGS, type RecallRating } from '../progress/local-store';
import { cardFromRatings, questionStatus, type QuestionStatus } from '../progress/review-schedule';
import type { PrismaClient } from './generated/prisma/client';
import { inTransaction, lockUser, type DbClient } from './repo-support';

export interface RatingInput {
  questionId: string;
  rating: RecallRating;
  at: Date;
}

export interface ReviewStateView {
  questionId: string;
  due: string;
  state: QuestionStatus;
  reps: number;
  lapses: number;
}

const asRating = (r: string): RecallRating => ((RECALL_RATINGS as readonly string[]).includes(r) ? (r as RecallRating) : 'good');

/** The question's ratings of this user, oldest first, as the browser store keeps them. */
export async function ratingsOf(db: DbClient, userId: string, questionId: string): Promise<{ rating: RecallRating; at: string }[]> {
  const logs = await db.reviewLog.findMany({ where: { userId, questionId }, orderBy: { ratedAt: 'asc' } });
  return logs.map((l) => ({ rating: asRating(l.rating), at: l.ratedAt.toISOString() }));
}

/** Every rating of this user by question, oldest first. */
export async function ratingsByQuestion(db: DbClient, userId: string): Promise<Record<string, { rating: RecallRating; at: string }[]>> {
  const logs = await db.reviewLog.findMany({ where: { userId }, orderBy: [{ questionId: 'asc' }, { ratedAt: 'asc' }] });
  const out: Record<string, { rating: RecallRating; at: string }[]> = {};
  for (const l of logs) (out[l.questionId] ??= []).push({ rating: asRating(l.rating), at: l.ratedAt.toISOString() });
  return out;
}

/** Recomputes and stores the question's card from all its logs. */
async function replayCard(tx: DbClient, userId: string, questionId: string): Promise<{ card: Card; ratings: { rating: RecallRating; at: string }[] } | null> {
  const ratings = await ratingsOf(tx, userId, questionId);
  const card = cardFromRatings(ratings);
  if (!card) {
    await tx.reviewCard.deleteMany({ where: { userId, questionId } });
    return null;
  }
  const fields = {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
  await tx.reviewCard.upsert({ where: { userId_questionId: { userId, questionId } }, create: { userId, questionId, ...fields }, update: fields });
  return { card, ratings };
}

/**
 * Adds the ratings not stored yet and replays the cards of the questions they touch. Returns how many
 * ratings were added. Call inside a transaction.
 */
export async function insertRatings(tx: DbClient, userId: string, ratings: readonly RatingInput[]): Promise<number> {
  if (ratings.length === 0) return 0;
  // Two concurrent ratings must not each replay a history missing the other's row.
  await lockUser(tx, 'reviews', userId);
  const { count } = await tx.reviewLog.createMany({
    data: ratings.map((r) => ({ userId, questionId: r.questionId, rating: r.rating, ratedAt: r.at })),
    skipDuplicates: true,
  });
  if (count > 0) {
    for (const questionId of [...new Set(ratings.map((r) => r.questionId))].sort()) await replayCard(tx, userId, questionId);
  }
  return count;
}

/** Records one rating (a no-op when this exact rating is stored) and answers the question's card. */
export async function rateQuestion(prisma: PrismaClient, userId: string, input: RatingInput, now: Date): Promise<ReviewStateView> {
  return inTransaction(prisma, async (tx) => {
    await insertRatings(tx, userId, [input]);
    const ratings = await ratingsOf(tx, userId, input.questionId);
    const card = await tx.reviewCard.findUniqueOrThrow({ where: { userId_questionId: { userId, questionId: input.questionId } } });
    return { questionId: input.questionId, due: card.due.toISOString(), state: questionStatus(ratings, now), reps: card.reps, lapses: card.lapses };
  });
}

/** The stored card of a question (null: never rated). */
export async function getReviewCard(db: DbClient, userId: string, questionId: string) {
  return db.reviewCard.findUnique({ where: { userId_questionId: { userId, questionId } } });
}

/** Questions due now (earliest first) and the next one to come due. */
export async function dueReviews(db: DbClient, userId: string, now: Date): Promise<{ due: { questionId: string; due: string }[]; next: { questionId: string; due: string } | null }> {
  const due = await db.reviewCard.findMany({ where: { userId, due: { lte: now } }, orderBy: [{ due: 'asc' }, { questionId: 'asc' }] });
  const next = await db.reviewCard.findFirst({ where: { userId, due: { gt: now } }, orderBy: [{ due: 'asc' }, { questionId: 'asc' }] });
  const view = (c: { questionId: string; due: Date }) => ({ questionId: c.questionId, due: c.due.toISOString() });
  return { due: due.map(view), next: next ? view(next) : null };
}
