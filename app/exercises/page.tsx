// /exercises: the catalogue by track, with the learner's status, related questions, filters and search.
import type { Metadata } from 'next';
import { ExerciseBrowser } from '@/app/_components/catalogue/exercise-browser';
import { ExerciseList } from '@/app/_components/catalogue/exercise-list';
import { T } from '@/app/_components/ui/t';
import { TRACKS } from '@/lib/content/catalogue';
import { loadExercises, loadQuestions } from '@/lib/content/load';

export const metadata: Metadata = { title: 'Exercises' };

export default function ExercisesPage() {
  const exercises = loadExercises().map(({ meta }) => ({
    id: meta.id,
    title: meta.title,
    track: meta.track,
    difficulty: meta.difficulty,
    relatedQuestions: meta.relatedQuestions,
  }));
  const questionTitles = Object.fromEntries(loadQuestions().map((q) => [q.meta.id, q.meta.title]));
  return (
    <>
      <h1 className="page-title">
        <T en="Exercises" zh="练习" />
      </h1>
      <p className="lead">
        <T
          en="Write the code in your browser; it is graded against our reference on hidden, seeded data."
          zh="在浏览器中编写代码，系统用隐藏的、固定随机种子的数据将其与参考实现对比评分。"
        />
      </p>
      {exercises.length === 0 ? (
        <ExerciseList exercises={[]} />
      ) : (
        <ExerciseBrowser exercises={exercises} tracks={[...TRACKS]} questionTitles={questionTitles} />
      )}
    </>
  );
}
