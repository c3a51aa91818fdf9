// /api/export and /api/import: all of a learner's data as one JSON document, and back (validated,
// merged like a browser document, all or nothing).
import { exportAccount, exportDocumentSchema, importAccount } from '../export-repo';
import { json, jsonRoute, readBody, requireUser } from '../http';
import { requireKnownIds } from './ids';

export const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;

/** GET /api/export → the export document (downloaded as a file). */
export const getExport = jsonRoute('GET /api/export', async (request, ctx) => {
  const user = await requireUser(request, ctx);
  const now = ctx.now?.() ?? new Date();
  const res = json(await exportAccount(ctx.db.prisma, user, now));
  res.headers.set('content-disposition', `attachment; filename="lstm-prep-export-${now.toISOString().slice(0, 10)}.json"`);
  return res;
});

/** POST /api/import <export document> → {imported: {submissions, drafts, notes, ratings}}. */
export const postImport = jsonRoute('POST /api/import', async (request, ctx) => {
  const user = await requireUser(request, ctx);
  const doc = await readBody(request, exportDocumentSchema, IMPORT_BODY_LIMIT);
  requireKnownIds(doc);
  return json({ imported: await importAccount(ctx.db.prisma, user.id, doc) });
});
