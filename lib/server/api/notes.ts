// /api/notes/<question|exercise>/<id>: a learner's note; the latest savedAt wins.
import * as z from 'zod/mini';
import { NOTE_KINDS, NOTE_MAX_CHARS, type NoteKind } from '../../progress/local-store';
import { HttpError, json, jsonRoute, readBody, requireUser } from '../http';
import { saveNote } from '../notes-repo';
import { requireExerciseId, requireQuestionId } from './ids';

/** 20,000 characters, with room for multi-byte characters and JSON escaping. */
export const NOTE_BODY_LIMIT = 128 * 1024;

const noteBodySchema = z.object({ body: z.string().check(z.maxLength(NOTE_MAX_CHARS, `a note is at most ${NOTE_MAX_CHARS} characters`)), savedAt: z.iso.datetime() });

/** PUT /api/notes/<kind>/<id> {body, savedAt} → {saved}. */
export const putNote = jsonRoute<{ kind: string; id: string }>('PUT /api/notes/[kind]/[id]', async (request, ctx, params) => {
  const user = await requireUser(request, ctx);
  if (!(NOTE_KINDS as readonly string[]).includes(params.kind)) throw new HttpError(400, `Unknown note kind "${params.kind.slice(0, 40)}": expected question or exercise.`);
  const kind = params.kind as NoteKind;
  if (kind === 'question') requireQuestionId(params.id, 'note');
  else requireExerciseId(params.id, 'note');
  const body = await readBody(request, noteBodySchema, NOTE_BODY_LIMIT);
  return json({ saved: await saveNote(ctx.db.prisma, user.id, kind, params.id, body.body, new Date(body.savedAt)) });
});
