// /questions/[slug]: one interview question — try first, then reveal our answer in the chosen language.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { difficultyLabel, groupLabel } from '@/app/_components/catalogue/labels';
import { LabWidgetSlot } from '@/app/_components/lab/lab-widget-slot';
import { QUESTION_WIDGETS, WIDGET_TITLES } from '@/app/_components/lab/placement';
import { ActiveRecall } from '@/app/_components/questions/active-recall';
import { T } from '@/app/_components/ui/t';
import { loadQuestions } from '@/lib/content/load';
import { SECTION_HEADINGS, SECTION_KEYS } from '@/lib/content/question-sections';
import { renderQuestion } from '@/lib/content/questions';

export const dynamicParams = false;

export function generateStaticParams() {
  return loadQuestions().map((q) => ({ slug: q.meta.id }));
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  const q = loadQuestions().find((x) => x.meta.id === slug);
  return { title: q ? q.meta.title.en : 'Question' };
}

export default async function QuestionPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const q = await renderQuestion(slug);
  if (!q) notFound();
  const { meta } = q;
  const widget = QUESTION_WIDGETS[meta.id];
  return (
    <article className="question">
      <p className="meta">
        <Link href="/questions">
          <T en="Questions" zh="面试题" />
        </Link>
        <span>
          <T {...groupLabel[meta.group]} />
        </span>
        <span className={`badge badge-${meta.difficulty}`}>
          <T {...difficultyLabel[meta.difficulty]} />
        </span>
        {meta.tags.map((tag) => (
          <span key={tag} className="badge">
            {tag}
          </span>
        ))}
      </p>
      <h1 className="page-title">
        {String(meta.order).padStart(2, '0')}. <T en={meta.title.en} zh={meta.title.zh} />
      </h1>
      <ActiveRecall questionId={meta.id}>
        {(['en', 'zh'] as const).map((lang) => (
          <div key={lang} data-l={lang} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
            {SECTION_KEYS.map((key) => (
              <section key={key} className={`answer-section answer-${key}`}>
                <h2>{SECTION_HEADINGS[lang][key]}</h2>
                <div className="prose" dangerouslySetInnerHTML={{ __html: q.html[lang][key] }} />
              </section>
            ))}
          </div>
        ))}
        <section className="answer-section">
          <h2>
            <T en="Sources" zh="参考来源" />
          </h2>
          <ul className="sources">
            {meta.sources.map((s) => (
              <li key={s.url}>
                <a href={s.url} rel="noopener noreferrer">
                  {s.title}
                </a>
                {s.authors ? ` — ${s.authors}` : ''}
                {s.year ? ` (${s.year})` : ''}
              </li>
            ))}
          </ul>
        </section>
        {widget && (
          <section className="answer-section" aria-labelledby="see-it">
            <h2 id="see-it">
              <T en="See it: " zh="动手看看：" />
              <T {...WIDGET_TITLES[widget]} />
            </h2>
            <LabWidgetSlot widget={widget} />
          </section>
        )}
      </ActiveRecall>
      {q.relatedExercises.length > 0 && (
        <section className="section" aria-labelledby="practice">
          <h2 id="practice">
            <T en="Practise it" zh="动手练习" />
          </h2>
          <ul className="related">
            {q.relatedExercises.map((e) => (
              <li key={e.id}>
                {e.available ? (
                  <Link href={`/exercises/${e.id}`}>{e.id}</Link>
                ) : (
                  <span className="coming-soon">
                    {e.id} <T en="(coming soon)" zh="（即将推出）" />
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <nav className="pager" aria-label="Previous and next question">
        {q.previous ? (
          <Link href={`/questions/${q.previous.id}`} rel="prev">
            ← <T en={q.previous.title.en} zh={q.previous.title.zh} />
          </Link>
        ) : (
          <span />
        )}
        {q.next ? (
          <Link href={`/questions/${q.next.id}`} rel="next">
            <T en={q.next.title.en} zh={q.next.title.zh} /> →
          </Link>
        ) : (
          <span />
        )}
      </nav>
    </article>
  );
}
