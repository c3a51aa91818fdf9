'use client';
// /progress' counts from this browser's store: exercises solved / attempted, questions rated.
import type { ReactNode } from 'react';
import { exerciseStatus } from '@/lib/progress/exercise-status';
import { T } from '../ui/t';
import { useLocalProgress } from '../ui/use-local-progress';

export function ProgressSummary({ exerciseIds, questionCount, empty }: { exerciseIds: string[]; questionCount: number; empty: ReactNode }) {
  const [progress] = useLocalProgress();
  if (!progress) return <>{empty}</>;
  const statuses = exerciseIds.map((id) => exerciseStatus(progress, id));
  const solved = statuses.filter((s) => s === 'solved').length;
  const attempted = statuses.filter((s) => s === 'attempted').length;
  const rated = Object.values(progress.questionRatings).filter((r) => r.length > 0).length;
  if (solved + attempted + rated === 0) return <>{empty}</>;
  return (
    <ul className="related" data-testid="progress-summary">
      <li>
        <T en={`Exercises solved: ${solved} of ${exerciseIds.length}`} zh={`已解决练习：${solved} / ${exerciseIds.length}`} />
      </li>
      <li>
        <T en={`Exercises attempted, not yet solved: ${attempted}`} zh={`尝试过但未解决：${attempted}`} />
      </li>
      <li>
        <T en={`Questions rated: ${rated} of ${questionCount}`} zh={`已自评的题目：${rated} / ${questionCount}`} />
      </li>
    </ul>
  );
}
