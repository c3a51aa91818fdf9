// /api/drafts/<exerciseId>: the latest code of an exercise; an older save never overwrites a newer one.
import * as z from 'zod/mini';
import { submissionRecordSchema } from '../../progress/local-store';
import { deleteDraft, saveDraft } from '../drafts-repo';
import { json, jsonRoute, noContent, readBody, requireUser } from '../http';
import { requireExerciseId } from './ids';

/** 100 kB of code, with room for JSON escaping. */
export const DRAFT_BODY_LIMIT = 512 * 1024;

const draftBodySchema = z.object({ code: submissionRecordSchema.shape.code, savedAt: z.iso.datetime() });

/** PUT /api/drafts/<exerciseId> {code, savedAt} → {saved} (false: the stored draft is newer). */
export const putDraft = jsonRoute<{ exerciseId: string }>('PUT /api/drafts/[exerciseId]', async (request, ctx, { exerciseId }) => {
  const user = await requireUser(request, ctx);
  requireExerciseId(exerciseId);
  const body = await readBody(request, draftBodySchema, DRAFT_BODY_LIMIT);
  return json({ saved: await saveDraft(ctx.db.prisma, user.id, exerciseId, body.code, new Date(body.savedAt)) });
});

/** DELETE /api/drafts/<exerciseId> → 204 (also when there was none). */
export const removeDraft = jsonRoute<{ exerciseId: string }>('DELETE /api/drafts/[exerciseId]', async (request, ctx, { exerciseId }) => {
  const user = await requireUser(request, ctx);
  requireExerciseId(exerciseId);
  await deleteDraft(ctx.db.prisma, user.id, exerciseId);
  return noContent();
});
