// /review: today's due questions one at a time (reveal, then rate), from the ratings in the browser
// store (the account's mirror when signed in). Static: every question's short answer is rendered here.
import type { Metadata } from 'next';
import Link from 'next/link';
import { ReviewSession } from '@/app/_components/questions/review-session';
import { T } from '@/app/_components/ui/t';
import { loadQuestions } from '@/lib/content/load';
import { SECTION_HEADINGS } from '@/lib/content/question-sections';
import { renderQuestion } from '@/lib/content/questions';

export const metadata: Metadata = { title: 'Review' };

export default async function ReviewPage() {
  const questions = loadQuestions().map((q) => ({ id: q.meta.id, title: q.meta.title }));
  const rendered = await Promise.all(questions.map((q) => renderQuestion(q.id)));
  const answers = Object.fromEntries(
    rendered
      .filter((q) => q !== null)
      .map((q) => [
        q.meta.id,
        <>
          {(['en', 'zh'] as const).map((lang) => (
            <div key={lang} data-l={lang} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
              <section className="answer-section answer-shortAnswer">
                <h2>{SECTION_HEADINGS[lang].shortAnswer}</h2>
                <div className="prose" dangerouslySetInnerHTML={{ __html: q.html[lang].shortAnswer }} />
              </section>
            </div>
          ))}
          <p>
            <Link href={`/questions/${q.meta.id}`}>
              <T en="The deep dive, common mistakes and follow-ups are on the question page." zh="深入解析、常见错误和追问见题目页。" />
            </Link>
          </p>
        </>,
      ]),
  );
  return (
    <>
      <h1 className="page-title">
        <T en="Review" zh="复习" />
      </h1>
      <ReviewSession
        questions={questions}
        answers={answers}
        empty={
          <p className="empty-state" data-testid="review-empty">
            <T
              en={
                <>
                  Nothing is due. After you answer a question and rate how well you knew it, it comes back here on the day you are about to
                  forget it. <Link href="/questions">Start with the questions</Link>.
                </>
              }
              zh={
                <>
                  目前没有待复习的题目。回答一道题并评价自己掌握得如何之后，它会在你快要遗忘的那天回到这里。
                  <Link href="/questions">从面试题开始</Link>。
                </>
              }
            />
          </p>
        }
      />
    </>
  );
}
