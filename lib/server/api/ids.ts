// Ids in requests are checked against the content catalogue: unknown ones are a 400, never stored.
import { isExerciseId, isQuestionId } from '../../content/catalogue';
import { parseNoteKey } from '../../progress/local-store';
import { HttpError } from '../http';
import type { ProgressParts } from '../progress-repo';

export function requireExerciseId(id: string, where = 'exerciseId'): string {
  if (!isExerciseId(id)) throw new HttpError(400, `Unknown exercise id "${id.slice(0, 100)}" (${where}).`);
  return id;
}

export function requireQuestionId(id: string, where = 'questionId'): string {
  if (!isQuestionId(id)) throw new HttpError(400, `Unknown question id "${id.slice(0, 100)}" (${where}).`);
  return id;
}

/**
 * A browser's document without the entries whose ids are not (or no longer) in the catalogue: an old
 * browser store that mentions a renamed exercise must still sync everything else, not fail for ever.
 */
export function knownPartsOnly<T extends ProgressParts>(parts: T): T {
  const keep = <V>(record: Record<string, V>, known: (id: string) => boolean) => Object.fromEntries(Object.entries(record).filter(([id]) => known(id)));
  const knownNote = (key: string) => {
    const target = parseNoteKey(key);
    return target !== null && (target.kind === 'question' ? isQuestionId(target.targetId) : isExerciseId(target.targetId));
  };
  return {
    ...parts,
    submissions: parts.submissions.filter((s) => isExerciseId(s.exerciseId)),
    drafts: keep(parts.drafts, isExerciseId),
    exercises: keep(parts.exercises, isExerciseId),
    questionRatings: keep(parts.questionRatings, isQuestionId),
    notes: keep(parts.notes, knownNote),
  };
}

/** Every id an imported export names must be in the catalogue. */
export function requireKnownIds(parts: ProgressParts): void {
  parts.submissions.forEach((s, i) => requireExerciseId(s.exerciseId, `submissions.${i}.exerciseId`));
  for (const id of Object.keys(parts.drafts)) requireExerciseId(id, 'drafts');
  for (const id of Object.keys(parts.exercises)) requireExerciseId(id, 'exercises');
  for (const id of Object.keys(parts.questionRatings)) requireQuestionId(id, 'questionRatings');
  for (const key of Object.keys(parts.notes)) {
    const target = parseNoteKey(key);
    if (!target) throw new HttpError(400, `Invalid note key "${key.slice(0, 100)}" (notes): expected question:<id> or exercise:<id>.`);
    if (target.kind === 'question') requireQuestionId(target.targetId, 'notes');
    else requireExerciseId(target.targetId, 'notes');
  }
}
