// /api/submissions: store a graded Run or Submit once per clientId, list them, read one. The verdict is
// what the learner's browser reported; the server stores it and never treats it as verified.
import * as z from 'zod/mini';
import { submissionRecordSchema } from '../../progress/local-store';
import { HttpError, json, jsonRoute, parseWith, readBody, requireUser } from '../http';
import { getSubmission, listSubmissions, storeSubmission } from '../submissions-repo';
import { requireExerciseId } from './ids';

export const SUBMISSION_BODY_LIMIT = 512 * 1024;

/** POST /api/submissions → 201 {clientId, created: true} | 200 {clientId, created: false}. */
export const postSubmission = jsonRoute('POST /api/submissions', async (request, ctx) => {
  const user = await requireUser(request, ctx);
  const record = await readBody(request, submissionRecordSchema, SUBMISSION_BODY_LIMIT);
  requireExerciseId(record.exerciseId);
  const { created } = await storeSubmission(ctx.db.prisma, user.id, record);
  return json({ clientId: record.clientId, created }, created ? 201 : 200);
});

const listQuerySchema = z.object({
  exerciseId: z.optional(z.string()),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 20),
});

/** GET /api/submissions?exerciseId=&limit= → {submissions} newest first. */
export const getSubmissions = jsonRoute('GET /api/submissions', async (request, ctx) => {
  const user = await requireUser(request, ctx);
  const params = new URL(request.url).searchParams;
  const query = parseWith(listQuerySchema, Object.fromEntries(['exerciseId', 'limit'].filter((k) => params.has(k)).map((k) => [k, params.get(k)])), 'query');
  if (query.exerciseId !== undefined) requireExerciseId(query.exerciseId);
  return json({ submissions: await listSubmissions(ctx.db.prisma, user.id, { exerciseId: query.exerciseId, limit: query.limit }) });
});

/** GET /api/submissions/<clientId> → the record, or 404 (also when it is another user's). */
export const getOneSubmission = jsonRoute<{ clientId: string }>('GET /api/submissions/[clientId]', async (request, ctx, { clientId }) => {
  const user = await requireUser(request, ctx);
  const id = parseWith(z.uuid(), clientId, 'submission id');
  const record = await getSubmission(ctx.db.prisma, user.id, id);
  if (!record) throw new HttpError(404, 'No such submission.');
  return json(record);
});
