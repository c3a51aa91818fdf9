// /exercises: the exercises by track.
import type { Metadata } from 'next';
import { ExerciseList } from '@/app/_components/catalogue/exercise-list';
import { trackLabel } from '@/app/_components/catalogue/labels';
import { T } from '@/app/_components/ui/t';
import { TRACKS } from '@/lib/content/catalogue';
import { loadExercises } from '@/lib/content/load';

export const metadata: Metadata = { title: 'Exercises' };

export default function ExercisesPage() {
  const exercises = loadExercises().map((e) => e.meta);
  const tracks = TRACKS.map((track) => ({ track, items: exercises.filter((e) => e.track === track) })).filter(
    (t) => t.items.length > 0,
  );
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
      {tracks.length === 0 ? (
        <ExerciseList exercises={[]} />
      ) : (
        tracks.map(({ track, items }) => (
          <section key={track} className="section" aria-labelledby={`track-${track}`}>
            <h2 id={`track-${track}`}>
              <T {...trackLabel[track]} />
            </h2>
            <ExerciseList exercises={items} />
          </section>
        ))
      )}
    </>
  );
}
