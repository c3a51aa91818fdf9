// A list of exercises as cards (title in both languages, track, difficulty), or an empty state.
import Link from 'next/link';
import type { ExerciseFrontmatter } from '@/lib/content/schema';
import { T } from '../ui/t';
import { difficultyLabel, trackLabel } from './labels';

export function ExerciseList({ exercises }: { exercises: ExerciseFrontmatter[] }) {
  if (exercises.length === 0) {
    return (
      <p className="empty-state" data-testid="exercises-empty">
        <T
          en="No exercises yet: add folders under content/exercises/."
          zh="还没有练习：请在 content/exercises/ 下添加练习目录。"
        />
      </p>
    );
  }
  return (
    <ol className="card-list" data-testid="exercise-list">
      {exercises.map((e) => (
        <li key={e.id} className="card">
          <Link href={`/exercises/${e.id}`}>
            {e.id.slice(0, 2)}. <T en={e.title.en} zh={e.title.zh} />
          </Link>
          <span className="meta">
            <span>
              <T {...trackLabel[e.track]} />
            </span>
            <span className={`badge badge-${e.difficulty}`}>
              <T {...difficultyLabel[e.difficulty]} />
            </span>
          </span>
        </li>
      ))}
    </ol>
  );
}
