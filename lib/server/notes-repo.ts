// A user's notes on questions and exercises; the latest savedAt wins, decided atomically in SQL.
import { NOTE_KINDS, noteKey, type NoteKind } from '../progress/local-store';
import type { DbClient } from './repo-support';

/** Saves the note unless the stored one is as new or newer; true when it was written. */
export async function saveNote(db: DbClient, userId: string, kind: NoteKind, targetId: string, body: string, savedAt: Date): Promise<boolean> {
  const changed = await db.$executeRaw`
    INSERT INTO "note" ("userId", "kind", "targetId", "body", "savedAt")
    VALUES (${userId}, ${kind}, ${targetId}, ${body}, ${savedAt})
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

/** Splits a LocalProgress note key (`question:<id>` / `exercise:<id>`); null when it is neither. */
export function parseNoteKey(key: string): { kind: NoteKind; targetId: string } | null {
  const colon = key.indexOf(':');
  if (colon < 0) return null;
  const kind = key.slice(0, colon);
  const targetId = key.slice(colon + 1);
  if (!(NOTE_KINDS as readonly string[]).includes(kind) || targetId === '') return null;
  return { kind: kind as NoteKind, targetId };
}

export { noteKey };
