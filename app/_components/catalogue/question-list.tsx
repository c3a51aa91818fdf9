// A list of questions as cards (title in both languages, group, difficulty), or an empty state.
import Link from 'next/link';
import type { QuestionFrontmatter } from '@/lib/content/schema';
import { T } from '../ui/t';
import { difficultyLabel, groupLabel } from './labels';

export function QuestionList({ questions }: { questions: QuestionFrontmatter[] }) {
  if (questions.length === 0) {
    return (
      <p className="empty-state" data-testid="questions-empty">
        <T
          en="No questions yet: add Markdown files under content/questions/."
          zh="还没有题目：请在 content/questions/ 下添加 Markdown 文件。"
        />
      </p>
    );
  }
  return (
    <ol className="card-list" data-testid="question-list">
      {questions.map((q) => (
        <li key={q.id} className="card">
          <Link href={`/questions/${q.id}`}>
            {String(q.order).padStart(2, '0')}. <T en={q.title.en} zh={q.title.zh} />
          </Link>
          <span className="meta">
            <span>
              <T {...groupLabel[q.group]} />
            </span>
            <span className={`badge badge-${q.difficulty}`}>
              <T {...difficultyLabel[q.difficulty]} />
            </span>
          </span>
        </li>
      ))}
    </ol>
  );
}
