// What a learner's record says about an exercise: not started, attempted (ran or submitted, not solved
// yet) or solved (a passing Submit with the hidden cases). Pure: one rule for every badge and filter.
import type { LocalProgress } from './local-store';

export const EXERCISE_STATUSES = ['not-started', 'attempted', 'solved'] as const;
export type ExerciseStatus = (typeof EXERCISE_STATUSES)[number];

export function exerciseStatus(p: LocalProgress, exerciseId: string): ExerciseStatus {
  const record = p.exercises[exerciseId];
  if (record?.solvedAt) return 'solved';
  if (record || p.drafts[exerciseId]) return 'attempted';
  return 'not-started';
}
