'use client';
// Active recall: the learner tries first (optionally jotting an answer), then reveals ours and rates how
// well they knew it. Ratings and notes are kept in the browser store of lib/progress (synced when signed in).
import { useState, type ReactNode } from 'react';
import { lastRating, noteOf, recordRating, RECALL_RATINGS, saveNote, type RecallRating } from '@/lib/progress/local-store';
import { T } from '../ui/t';
import { useLocalProgress } from '../ui/use-local-progress';

export const ratingLabel: Record<RecallRating, { en: string; zh: string }> = {
  again: { en: 'Not yet', zh: '没想起来' },
  hard: { en: 'Partly', zh: '部分' },
  good: { en: 'Knew it', zh: '想起来了' },
  easy: { en: 'Too easy', zh: '太简单' },
};

/** `onRated` is told after each rating is stored (/review moves on to the next due question). */
export function ActiveRecall({ questionId, children, onRated }: { questionId: string; children: ReactNode; onRated?: (r: RecallRating) => void }) {
  const [revealed, setRevealed] = useState(false);
  const [progress, update] = useLocalProgress();
  const note = progress ? noteOf(progress, 'question', questionId) : '';
  const rating = progress ? lastRating(progress, questionId) : undefined;

  const writeNote = (text: string) => update((p) => saveNote(p, 'question', questionId, text, new Date()));
  const rate = (r: RecallRating) => {
    update((p) => recordRating(p, questionId, r, new Date()));
    onRated?.(r);
  };

  return (
    <>
      <section className="recall" aria-labelledby="recall-title">
        <h2 id="recall-title" className="recall-title">
          <T en="Your answer first" zh="先自己回答" />
        </h2>
        <label className="recall-label" htmlFor="recall-note">
          <T
            en="Say it aloud or jot it down (optional; kept in this browser, and in your account when signed in):"
            zh="先说出来或写下要点（可选；保存在本浏览器，登录后同步到你的账户）："
          />
        </label>
        <textarea
          id="recall-note"
          className="recall-note"
          rows={4}
          value={note}
          onChange={(e) => writeNote(e.target.value)}
          data-testid="recall-note"
        />
        {!revealed && (
          <button type="button" className="button button-primary" onClick={() => setRevealed(true)} data-testid="reveal">
            <T en="Reveal the answer" zh="显示答案" />
          </button>
        )}
      </section>
      <div className="answer" hidden={!revealed} data-testid="answer">
        {children}
        <section className="rating" aria-labelledby="rating-title">
          <h2 id="rating-title">
            <T en="How well did you know it?" zh="你掌握得怎么样？" />
          </h2>
          <div className="rating-buttons" role="group" aria-labelledby="rating-title">
            {RECALL_RATINGS.map((r) => (
              <button
                key={r}
                type="button"
                className={`button${rating === r ? ' button-primary' : ''}`}
                aria-pressed={rating === r}
                onClick={() => rate(r)}
                data-testid={`rate-${r}`}
              >
                <T {...ratingLabel[r]} />
              </button>
            ))}
          </div>
        </section>
      </div>
    </>
  );
}
