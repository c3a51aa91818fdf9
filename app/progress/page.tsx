// /progress: the learner's dashboard, from the browser store (the account's mirror when signed in).
import type { Metadata } from 'next';
import Link from 'next/link';
import { trackLabel } from '@/app/_components/catalogue/labels';
import { ProgressDashboard, type DashboardTrack } from '@/app/_components/progress/progress-dashboard';
import { T } from '@/app/_components/ui/t';
import { TRACKS } from '@/lib/content/catalogue';
import { loadExercises, loadQuestions } from '@/lib/content/load';

export const metadata: Metadata = { title: 'Progress' };

export default function ProgressPage() {
  const exercises = loadExercises().map((e) => e.meta); // in catalogue order
  const tracks: DashboardTrack[] = TRACKS.map((track) => ({
    track,
    label: trackLabel[track],
    exercises: exercises.filter((e) => e.track === track).map((e) => ({ id: e.id, title: e.title })),
  }));
  const questions = loadQuestions().map((q) => ({ id: q.meta.id, title: q.meta.title }));
  return (
    <>
      <h1 className="page-title">
        <T en="Progress" zh="进度" />
      </h1>
      <ProgressDashboard
        tracks={tracks}
        questions={questions}
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
