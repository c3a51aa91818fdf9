// /exercises/[slug]: the exercise's statement, hints and starter code. Until the in-browser workspace
// arrives, solutions are graded locally with `npm run grade` (same grader, same hidden cases).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { difficultyLabel, trackLabel } from '@/app/_components/catalogue/labels';
import { T } from '@/app/_components/ui/t';
import { renderExercise } from '@/lib/content/exercises';
import { loadExercises } from '@/lib/content/load';
import { renderMarkdown } from '@/lib/content/markdown';

export const dynamicParams = false;

export function generateStaticParams() {
  return loadExercises().map((e) => ({ slug: e.meta.id }));
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  const e = loadExercises().find((x) => x.meta.id === slug);
  return { title: e ? e.meta.title.en : 'Exercise' };
}

export default async function ExercisePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const exercise = await renderExercise(slug);
  if (!exercise) notFound();
  const { meta } = exercise;
  const starterHtml = await renderMarkdown(`\`\`\`ts\n${exercise.starter}\n\`\`\``, { pageExists: () => true });
  const gradeCommand = `npm run grade -- ${meta.id} my-solution.ts --hidden`;
  return (
    <article className="exercise">
      <p className="meta">
        <Link href="/exercises">
          <T en="Exercises" zh="练习" />
        </Link>
        <span>
          <T {...trackLabel[meta.track]} />
        </span>
        <span className={`badge badge-${meta.difficulty}`}>
          <T {...difficultyLabel[meta.difficulty]} />
        </span>
      </p>
      <h1 className="page-title">
        <T en={meta.title.en} zh={meta.title.zh} />
      </h1>
      {(['en', 'zh'] as const).map((lang) => (
        <div key={lang} data-l={lang} lang={lang === 'zh' ? 'zh-CN' : 'en'} className="prose" dangerouslySetInnerHTML={{ __html: exercise.statementHtml[lang] }} />
      ))}
      <section className="section" aria-labelledby="starter">
        <h2 id="starter">
          <T en="Starter code" zh="起始代码" />
        </h2>
        <div className="prose" dangerouslySetInnerHTML={{ __html: starterHtml }} />
        <p>
          <T
            en="Grade your solution with the same grader and hidden cases the site uses:"
            zh="用与网站相同的评分器和隐藏用例给你的答案评分："
          />
        </p>
        <pre className="command">
          <code>{gradeCommand}</code>
        </pre>
      </section>
      {exercise.hintsHtml && (
        <section className="section" aria-labelledby="hints">
          <h2 id="hints">
            <T en="Hints" zh="提示" />
          </h2>
          <details className="hints">
            <summary>
              <T en="Show the hints (they build up to the answer)" zh="显示提示（逐步接近答案）" />
            </summary>
            {(['en', 'zh'] as const).map((lang) => (
              <div key={lang} data-l={lang} className="prose" dangerouslySetInnerHTML={{ __html: exercise.hintsHtml![lang] }} />
            ))}
          </details>
        </section>
      )}
      {meta.relatedQuestions.length > 0 && (
        <section className="section" aria-labelledby="related">
          <h2 id="related">
            <T en="Related questions" zh="相关面试题" />
          </h2>
          <ul className="related">
            {meta.relatedQuestions.map((q) => (
              <li key={q}>
                <Link href={`/questions/${q}`}>{q}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
