// Everything a user stored, as one JSON document they can keep, and its import back into an account
// (validated by the caller, merged like a browser document: idempotent, in one transaction).
import * as z from 'zod/mini';
import { RECALL_RATINGS, localProgressSchema, submissionRecordSchema } from '../progress/local-store';
import type { PrismaClient } from './generated/prisma/client';
import { accountParts, applyParts, type MergeCounts } from './progress-repo';
import { inTransaction, type DbClient } from './repo-support';
import { listSubmissions } from './submissions-repo';

export const EXPORT_FORMAT = 'lstm-prep-export';
export const EXPORT_VERSION = 1;
/** Most submissions one import may carry (the route's byte limit usually binds first). */
export const IMPORT_MAX_SUBMISSIONS = 20_000;
export const IMPORT_MAX_RATINGS_PER_QUESTION = 20_000;

const shape = localProgressSchema.shape;

export const exportDocumentSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.iso.datetime(),
  account: z.object({ email: z.string(), name: z.string() }),
  /** All of them, oldest first. */
  submissions: z.array(submissionRecordSchema).check(z.maxLength(IMPORT_MAX_SUBMISSIONS)),
  drafts: shape.drafts,
  notes: shape.notes,
  /** Every rating an account holds (the browser document keeps at most 1000 per question; an export keeps all). */
  questionRatings: z.record(z.string(), z.array(z.object({ rating: z.enum(RECALL_RATINGS), at: z.iso.datetime() })).check(z.maxLength(IMPORT_MAX_RATINGS_PER_QUESTION))),
  exercises: shape.exercises,
});
export type ExportDocument = z.infer<typeof exportDocumentSchema>;

/** The user's whole account as an export document. */
export async function exportAccount(db: DbClient, user: { id: string; email: string; name: string }, now: Date): Promise<ExportDocument> {
  const parts = await accountParts(db, user.id);
  const submissions = (await listSubmissions(db, user.id)).reverse();
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    account: { email: user.email, name: user.name },
    submissions,
    drafts: parts.drafts,
    notes: parts.notes,
    questionRatings: parts.questionRatings,
    exercises: parts.exercises,
  };
}

/** Imports an export document into the user's account, all or nothing; counts the rows added or changed. */
export async function importAccount(prisma: PrismaClient, userId: string, doc: ExportDocument): Promise<MergeCounts> {
  return inTransaction(prisma, (tx) => applyParts(tx, userId, doc));
}
