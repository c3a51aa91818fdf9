// /progress: counts of solved and attempted exercises and rated questions, from this browser's store.
import type { Metadata } from 'next';
import Link from 'next/link';
import { ProgressSummary } from '@/app/_components/catalogue/progress-summary';
import { T } from '@/app/_components/ui/t';
import { loadExercises, loadQuestions } from '@/lib/content/load';

export const metadata: Metadata = { title: 'Progress' };

export default function ProgressPage() {
  const exerciseIds = loadExercises().map((e) => e.meta.id);
  const questionCount = loadQuestions().length;
  return (
    <>
      <h1 className="page-title">
        <T en="Progress" zh="进度" />
      </h1>
      <ProgressSummary
        exerciseIds={exerciseIds}
        questionCount={questionCount}
        empty={
      <p className="empty-state" data-testid="progress-empty">
        <T
          en={
            <>
              No activity yet. Your submissions, solved exercises and reviewed questions will be counted here.{' '}
              <Link href="/exercises">Pick an exercise</Link>.
            </>
          }
          zh={
            <>
              还没有学习记录。你的提交、已解决的练习和复习过的题目都会统计在这里。<Link href="/exercises">选一个练习</Link>。
            </>
          }
        />
      </p>
        }
      />
    </>
  );
}
