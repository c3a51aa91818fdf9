'use client';
// /review: today's due questions one at a time, with the question page's reveal-then-rate flow; the
// queue is fixed when the page opens (a rated question leaves it), and when nothing is due it says what
// comes next and when. The answers are rendered on the server and passed in.
import Link from 'next/link';
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { reviewQueue } from '@/lib/progress/dashboard';
import type { RecallRating } from '@/lib/progress/local-store';
import { T } from '../ui/t';
import { useLocalProgress } from '../ui/use-local-progress';
import { useNow } from '../ui/use-now';
import { ActiveRecall, ratingLabel } from './active-recall';

type Text = { en: string; zh: string };

function formatDue(d: Date): string {
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function ReviewSession({ questions, answers, empty }: { questions: { id: string; title: Text }[]; answers: Record<string, ReactNode>; empty: ReactNode }) {
  const [progress] = useLocalProgress();
  const now = useNow();
  const titles = useMemo(() => new Map(questions.map((q) => [q.id, q.title])), [questions]);
  const ids = useMemo(() => questions.map((q) => q.id), [questions]);
  /** The queue as it was when the page opened (ratings given here do not reshuffle it). */
  const [session, setSession] = useState<string[] | null>(null);
  const [done, setDone] = useState<string[]>([]);
  const [last, setLast] = useState<{ id: string; rating: RecallRating } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  if (session === null && progress && now) setSession(reviewQueue(progress, ids, now).due.map((q) => q.questionId));

  const upcoming = useMemo(() => (progress && now ? reviewQueue(progress, ids, now).next : null), [progress, now, ids]);
  const current = session?.find((id) => !done.includes(id)) ?? null;

  const onRated = useCallback(
    (id: string, rating: RecallRating) => {
      setDone((d) => [...d, id]);
      setLast({ id, rating });
      requestAnimationFrame(() => heading.current?.focus());
    },
    [],
  );

  // Until the store is read: the empty state, as the page was pre-rendered.
  if (!progress || !now || session === null) return <>{empty}</>;

  const title = (id: string) => <T {...(titles.get(id) ?? { en: id, zh: id })} />;
  const nextInfo = upcoming && (
    <p data-testid="review-next" data-question={upcoming.questionId}>
      <T en="Next review:" zh="下一次复习：" /> <Link href={`/questions/${upcoming.questionId}`}>{title(upcoming.questionId)}</Link> —{' '}
      <time dateTime={upcoming.due.toISOString()}>{formatDue(upcoming.due)}</time>
    </p>
  );

  if (session.length === 0) {
    return (
      <>
        {empty}
        {nextInfo}
      </>
    );
  }

  return (
    <div className="review">
      <p className="visually-hidden" role="status" aria-live="polite">
        {last && <T en={`Rated “${ratingLabel[last.rating].en}”.`} zh={`已评价为“${ratingLabel[last.rating].zh}”。`} />}
      </p>
      {current ? (
        <article className="review-card" data-testid="review-card" data-question={current} key={current}>
          <p className="meta">
            <span data-testid="review-position">
              <T en={`${done.length + 1} of ${session.length}`} zh={`第 ${done.length + 1} / ${session.length} 题`} />
            </span>
            <Link href={`/questions/${current}`}>
              <T en="Open the full question page" zh="打开完整题目页" />
            </Link>
          </p>
          <h2 className="review-title" ref={heading} tabIndex={-1}>
            {title(current)}
          </h2>
          <ActiveRecall questionId={current} onRated={(r) => onRated(current, r)}>
            {answers[current]}
          </ActiveRecall>
        </article>
      ) : (
        <section className="review-done" data-testid="review-done">
          <h2 ref={heading} tabIndex={-1}>
            <T en="All done for today" zh="今天的复习完成了" />
          </h2>
          <p>
            <T en={`You reviewed ${session.length} question(s).`} zh={`你复习了 ${session.length} 道题。`} />
          </p>
          {nextInfo}
        </section>
      )}
      <section className="section" aria-labelledby="queue-title">
        <h2 id="queue-title">
          <T en="Today's queue" zh="今天的复习队列" />
        </h2>
        <ol className="review-queue" data-testid="due-list">
          {session.map((id) => (
            <li key={id} data-question={id} data-done={done.includes(id) ? 'true' : 'false'} aria-current={id === current ? 'step' : undefined}>
              {title(id)} {done.includes(id) && <span className="muted">✓</span>}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
