// /api/reviews: rate a question (FSRS card replayed from every stored rating) and what is due.
import * as z from 'zod/mini';
import { RECALL_RATINGS } from '../../progress/local-store';
import { json, jsonRoute, readBody, requireUser } from '../http';
import { dueReviews, rateQuestion } from '../reviews-repo';
import { requireQuestionId } from './ids';

export const REVIEW_BODY_LIMIT = 4 * 1024;

const ratingBodySchema = z.object({ questionId: z.string().check(z.maxLength(100)), rating: z.enum(RECALL_RATINGS), at: z.iso.datetime() });

/** POST /api/reviews {questionId, rating, at} → {questionId, due, state, reps, lapses}. */
export const postReview = jsonRoute('POST /api/reviews', async (request, ctx) => {
  const user = await requireUser(request, ctx);
  const body = await readBody(request, ratingBodySchema, REVIEW_BODY_LIMIT);
  requireQuestionId(body.questionId);
  const now = ctx.now?.() ?? new Date();
  return json(await rateQuestion(ctx.db.prisma, user.id, { questionId: body.questionId, rating: body.rating, at: new Date(body.at) }, now));
});

/** GET /api/reviews/due → {due: [{questionId, due}], next}. */
export const getDue = jsonRoute('GET /api/reviews/due', async (request, ctx) => {
  const user = await requireUser(request, ctx);
  return json(await dueReviews(ctx.db.prisma, user.id, ctx.now?.() ?? new Date()));
});
