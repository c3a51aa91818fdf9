// The latest code per exercise of one user. "Newer savedAt wins" is one conditional upsert in SQL,
// so two tabs saving at once cannot overwrite a newer draft with an older one.
import type { DbClient } from './repo-support';

/** Saves the draft unless the stored one is as new or newer; true when it was written. */
export async function saveDraft(db: DbClient, userId: string, exerciseId: string, code: string, savedAt: Date): Promise<boolean> {
  const changed = await db.$executeRaw`
    INSERT INTO "draft" ("userId", "exerciseId", "code", "savedAt")
    VALUES (${userId}, ${exerciseId}, ${code}, ${savedAt})
    ON CONFLICT ("userId", "exerciseId") DO UPDATE SET "code" = EXCLUDED."code", "savedAt" = EXCLUDED."savedAt"
    WHERE "draft"."savedAt" < EXCLUDED."savedAt"`;
  return changed > 0;
}

export async function deleteDraft(db: DbClient, userId: string, exerciseId: string): Promise<void> {
  await db.draft.deleteMany({ where: { userId, exerciseId } });
}

export async function listDrafts(db: DbClient, userId: string) {
  return db.draft.findMany({ where: { userId }, orderBy: { exerciseId: 'asc' } });
}

export async function getDraft(db: DbClient, userId: string, exerciseId: string) {
  return db.draft.findUnique({ where: { userId_exerciseId: { userId, exerciseId } } });
}
