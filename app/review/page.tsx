// /review: the questions whose review date has come (from the ratings kept in this browser).
import type { Metadata } from 'next';
import Link from 'next/link';
import { DueList } from '@/app/_components/questions/due-list';
import { T } from '@/app/_components/ui/t';
import { loadQuestions } from '@/lib/content/load';

export const metadata: Metadata = { title: 'Review' };

export default function ReviewPage() {
  const questions = loadQuestions().map((q) => ({ id: q.meta.id, title: q.meta.title }));
  return (
    <>
      <h1 className="page-title">
        <T en="Review" zh="复习" />
      </h1>
      <DueList
        questions={questions}
        empty={
      <p className="empty-state" data-testid="review-empty">
        <T
          en={
            <>
              Nothing is due. After you answer a question and rate how well you knew it, it comes back here
              on the day you are about to forget it. <Link href="/questions">Start with the questions</Link>.
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
