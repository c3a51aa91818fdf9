// /api/progress: the account as the browser's progress document, and the merge of a browser's
// (guest's) document into it on sign-up / sign-in.
import { localProgressSchema, parseProgress } from '../../progress/local-store';
import { HttpError, json, jsonRoute, parseWith, readJson, requireUser } from '../http';
import { accountProgress, mergeProgress } from '../progress-repo';
import { requireKnownIds } from './ids';

export const MERGE_BODY_LIMIT = 8 * 1024 * 1024;

/** GET /api/progress → LocalProgress (owner = the user). */
export const getProgress = jsonRoute('GET /api/progress', async (request, ctx) => {
  const user = await requireUser(request, ctx);
  return json(await accountProgress(ctx.db.prisma, user.id));
});

/**
 * POST /api/progress/merge LocalProgress → the merged account. Older store versions are migrated the
 * way the browser migrates them; a document owned by another account is refused.
 */
export const postMerge = jsonRoute('POST /api/progress/merge', async (request, ctx) => {
  const user = await requireUser(request, ctx);
  const raw = await readJson(request, MERGE_BODY_LIMIT);
  const doc = parseProgress(raw) ?? parseWith(localProgressSchema, raw);
  if (doc.owner !== null && doc.owner !== user.id) throw new HttpError(400, 'This progress belongs to another account; it was not merged.');
  requireKnownIds(doc);
  const { progress } = await mergeProgress(ctx.db.prisma, user.id, doc);
  return json(progress);
});
