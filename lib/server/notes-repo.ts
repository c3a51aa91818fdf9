// A user's notes on questions and exercises; the latest savedAt wins, decided atomically in SQL.
import type { NoteKind } from '../progress/local-store';
import { notAfterNow, type DbClient } from './repo-support';

/** Saves the note unless the stored one is as new or newer (times after now count as now); true when it was written. */
export async function saveNote(db: DbClient, userId: string, kind: NoteKind, targetId: string, body: string, savedAt: Date): Promise<boolean> {
  const at = notAfterNow(savedAt);
  const changed = await db.$executeRaw`
    INSERT INTO "note" ("userId", "kind", "targetId", "body", "savedAt")
    VALUES (${userId}, ${kind}, ${targetId}, ${body}, ${at})
    ON CONFLICT ("userId", "kind", "targetId") DO UPDATE SET "body" = EXCLUDED."body", "savedAt" = EXCLUDED."savedAt"
    WHERE "note"."savedAt" < EXCLUDED."savedAt"`;
  return changed > 0;
}

export async function listNotes(db: DbClient, userId: string) {
  return db.note.findMany({ where: { userId }, orderBy: [{ kind: 'asc' }, { targetId: 'asc' }] });
}

export async function getNote(db: DbClient, userId: string, kind: NoteKind, targetId: string) {
  return db.note.findUnique({ where: { userId_kind_targetId: { userId, kind, targetId } } });
}
