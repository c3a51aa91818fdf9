// What /progress and /review show, computed from the browser store (which mirrors the account when
// signed in), so the dashboard, the catalogue badges and the review queue always agree. Pure.
import { exerciseStatus } from './exercise-status';
import type { LocalProgress } from './local-store';
import { nextDue, questionStatus, type QuestionStatus } from './review-schedule';

/** Every moment the learner did something: graded Runs / Submits, ratings, and attempts whose submission the store no longer keeps. */
export function activityTimes(p: LocalProgress): string[] {
  const times = p.submissions.map((s) => s.at);
  const seen = new Set(times);
  for (const ratings of Object.values(p.questionRatings)) for (const r of ratings) times.push(r.at);
  for (const e of Object.values(p.exercises)) if (!seen.has(e.last.at)) times.push(e.last.at);
  return times;
}

/** Solved and attempted (not yet solved) counts among `exerciseIds`. */
export function exerciseCounts(p: LocalProgress, exerciseIds: readonly string[]): { solved: number; attempted: number; total: number } {
  let solved = 0;
  let attempted = 0;
  for (const id of exerciseIds) {
    const s = exerciseStatus(p, id);
    if (s === 'solved') solved++;
    else if (s === 'attempted') attempted++;
  }
  return { solved, attempted, total: exerciseIds.length };
}

/** Question ids by review state, each list in catalogue order. */
export function questionsByState(p: LocalProgress, questionIds: readonly string[], now: Date): Record<QuestionStatus, string[]> {
  const out: Record<QuestionStatus, string[]> = { new: [], learning: [], known: [], due: [] };
  for (const id of questionIds) out[questionStatus(p.questionRatings[id] ?? [], now)].push(id);
  return out;
}

export interface ReviewQueue {
  /** Due now, the longest-waiting first. */
  due: { questionId: string; due: Date }[];
  /** The earliest question not due yet. */
  next: { questionId: string; due: Date } | null;
}

export function reviewQueue(p: LocalProgress, questionIds: readonly string[], now: Date): ReviewQueue {
  const scheduled = questionIds
    .map((questionId) => ({ questionId, due: nextDue(p.questionRatings[questionId] ?? []) }))
    .filter((q): q is { questionId: string; due: Date } => q.due !== null)
    .sort((a, b) => a.due.getTime() - b.due.getTime() || a.questionId.localeCompare(b.questionId));
  const due = scheduled.filter((q) => q.due.getTime() <= now.getTime());
  const next = scheduled.find((q) => q.due.getTime() > now.getTime()) ?? null;
  return { due, next };
}

/** The first exercise in catalogue order that is not solved yet. */
export function nextUnsolved(p: LocalProgress, exerciseIds: readonly string[]): string | null {
  return exerciseIds.find((id) => exerciseStatus(p, id) !== 'solved') ?? null;
}

/** The latest submissions, newest first. */
export function recentSubmissions(p: LocalProgress, count: number) {
  return [...p.submissions].sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, count);
}
