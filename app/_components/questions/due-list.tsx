'use client';
// /review's list: the questions whose FSRS review date has come, from this browser's ratings.
import Link from 'next/link';
import { useMemo, type ReactNode } from 'react';
import { questionStatus } from '@/lib/progress/review-schedule';
import { T } from '../ui/t';
import { useLocalProgress } from '../ui/use-local-progress';

export function DueList({ questions, empty }: { questions: { id: string; title: { en: string; zh: string } }[]; empty: ReactNode }) {
  const [progress] = useLocalProgress();
  const due = useMemo(() => {
    if (!progress) return [];
    const now = new Date();
    return questions.filter((q) => questionStatus(progress.questionRatings[q.id] ?? [], now) === 'due');
  }, [progress, questions]);
  if (due.length === 0) return <>{empty}</>;
  return (
    <>
      <p className="lead">
        <T en={`${due.length} question(s) due today.`} zh={`今天有 ${due.length} 道题待复习。`} />
      </p>
      <ol className="card-list" data-testid="due-list">
        {due.map((q) => (
          <li key={q.id} className="card" data-question={q.id}>
            <Link href={`/questions/${q.id}`}>
              <T en={q.title.en} zh={q.title.zh} />
            </Link>
          </li>
        ))}
      </ol>
    </>
  );
}
