// Spaced-repetition state of a question, from its rating history, with FSRS (ts-fsrs). Pure: the same
// history and clock always give the same schedule (no fuzz), in the browser and on the server.
import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card, type Grade } from 'ts-fsrs';
import type { RecallRating } from './local-store';

const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));

const toGrade: Record<RecallRating, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

/** new = never rated; due = its review date has come; learning = recently forgotten or new; known = scheduled later. */
export type QuestionStatus = 'new' | 'learning' | 'known' | 'due';

/** Replays every rating, oldest first, from an empty card. Null when there is none. */
export function cardFromRatings(ratings: readonly { rating: RecallRating; at: string }[]): Card | null {
  if (ratings.length === 0) return null;
  let card = createEmptyCard(new Date(ratings[0].at));
  for (const r of ratings) card = scheduler.next(card, new Date(r.at), toGrade[r.rating]).card;
  return card;
}

export function questionStatus(ratings: readonly { rating: RecallRating; at: string }[], now: Date): QuestionStatus {
  const card = cardFromRatings(ratings);
  if (!card) return 'new';
  if (card.due.getTime() <= now.getTime()) return 'due';
  return card.state === State.Review ? 'known' : 'learning';
}

/** When the question is next due, or null if it was never rated. */
export function nextDue(ratings: readonly { rating: RecallRating; at: string }[]): Date | null {
  return cardFromRatings(ratings)?.due ?? null;
}
