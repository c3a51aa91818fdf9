// /review: spaced-repetition review of the questions you have rated (none can be due before you rate one).
import type { Metadata } from 'next';
import Link from 'next/link';
import { T } from '@/app/_components/ui/t';

export const metadata: Metadata = { title: 'Review' };

export default function ReviewPage() {
  return (
    <>
      <h1 className="page-title">
        <T en="Review" zh="复习" />
      </h1>
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
    </>
  );
}
