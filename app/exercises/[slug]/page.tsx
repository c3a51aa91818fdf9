// /exercises/[slug]: the exercise workspace — the statement (rendered here, on the server) beside the
// editor, Run / Submit graded in the browser, hints and the solution on request.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { difficultyLabel, trackLabel } from '@/app/_components/catalogue/labels';
import { ExerciseWorkspace } from '@/app/_components/editor/exercise-workspace';
import { EXERCISE_WIDGETS, WIDGET_TITLES } from '@/app/_components/lab/placement';
import { T } from '@/app/_components/ui/t';
import { renderExercise } from '@/lib/content/exercises';
import { loadExercises } from '@/lib/content/load';
import { readWorkspaceFiles } from '@/lib/content/workspace-files';

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
  const files = await readWorkspaceFiles(meta.id);
  const labWidget = EXERCISE_WIDGETS[meta.id];
  return (
    <article className="exercise exercise-workspace">
      <ExerciseWorkspace exerciseId={meta.id} starter={exercise.starter} solution={files.solution} typesSource={files.typesSource} hints={files.hints}>
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
        {labWidget && (
          <p className="lab-link" data-testid="lab-link">
            <T en="See it in the lab: " zh="在实验室里看看：" />
            <Link href={`/lab#${labWidget}`}>
              <T {...WIDGET_TITLES[labWidget]} />
            </Link>
          </p>
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
      </ExerciseWorkspace>
    </article>
  );
}
