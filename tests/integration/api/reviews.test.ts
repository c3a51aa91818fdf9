// Spaced repetition through the API: after each rating the stored card equals an independent ts-fsrs
// computation; re-sending a rating is a no-op; /api/reviews/due lists what is due and what comes next.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card, type Grade } from 'ts-fsrs';
import { getDue, postReview } from '@/lib/server/api/reviews';
import { call, openHarness, type ApiHarness } from './support';

let h: ApiHarness;
let ada: { id: string; cookie: string };
let clock = new Date('2026-12-01T09:00:00.000Z');

beforeAll(async () => {
  h = await openHarness(() => clock);
  ada = await h.signUp('reviews@example.com');
});
afterAll(async () => h?.cleanup());

const grades: Record<string, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };
const rate = (questionId: string, rating: string, at: Date) => call(h, postReview, {}, { cookie: ada.cookie, body: { questionId, rating, at: at.toISOString() } });

describe('POST /api/reviews', () => {
  it('stores, after each rating, the card an independent ts-fsrs run computes', async () => {
    const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));
    const q = '03-vanishing-gradients';
    const sequence: [string, number][] = [
      ['good', 0],
      ['again', 10 * 60_000],
      ['good', 60 * 60_000],
      ['good', 3 * 86_400_000],
      ['easy', 12 * 86_400_000],
      ['hard', 40 * 86_400_000],
      ['again', 90 * 86_400_000],
    ];
    const start = new Date('2026-12-01T09:00:00.000Z');
    let expected: Card = createEmptyCard(start);
    for (const [rating, offset] of sequence) {
      const at = new Date(start.getTime() + offset);
      clock = at;
      expected = scheduler.next(expected, at, grades[rating]).card;
      const res = await rate(q, rating, at);
      expect(res.status).toBe(200);
      const body = await res.json();
      const stored = await h.scratch.db.prisma.reviewCard.findUniqueOrThrow({ where: { userId_questionId: { userId: ada.id, questionId: q } } });
      const view = { due: stored.due.toISOString(), state: stored.state, reps: stored.reps, lapses: stored.lapses, stability: stored.stability, difficulty: stored.difficulty };
      expect(view, `after ${rating} at +${offset} ms`).toEqual({
        due: expected.due.toISOString(),
        state: expected.state,
        reps: expected.reps,
        lapses: expected.lapses,
        stability: expected.stability,
        difficulty: expected.difficulty,
      });
      const status = expected.due.getTime() <= at.getTime() ? 'due' : expected.state === State.Review ? 'known' : 'learning';
      expect(body).toEqual({ questionId: q, due: expected.due.toISOString(), state: status, reps: expected.reps, lapses: expected.lapses });
    }
  });

  it('treats a rating sent again as a no-op', async () => {
    const at = new Date('2026-12-02T10:00:00.000Z');
    clock = at;
    const first = await (await rate('04-gradient-clipping', 'good', at)).json();
    const again = await (await rate('04-gradient-clipping', 'good', at)).json();
    expect(again).toEqual(first);
    expect(first.reps).toBe(1);
    await expect(h.scratch.db.prisma.reviewLog.count({ where: { userId: ada.id, questionId: '04-gradient-clipping' } })).resolves.toBe(1);
  });

  it('replays the whole history when ratings of one question arrive concurrently and out of order', async () => {
    const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));
    const q = '06-lstm-in-nlp';
    const history = ['good', 'again', 'good', 'hard', 'good', 'easy', 'again', 'good'].map((rating, i) => ({ rating, at: new Date(Date.UTC(2026, 11, 1 + i * 3, 9)) }));
    clock = new Date('2027-01-01T00:00:00.000Z');
    const responses = await Promise.all([...history].reverse().map((r) => rate(q, r.rating, r.at)));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    let expected: Card = createEmptyCard(history[0].at);
    for (const r of history) expected = scheduler.next(expected, r.at, grades[r.rating]).card;
    const stored = await h.scratch.db.prisma.reviewCard.findUniqueOrThrow({ where: { userId_questionId: { userId: ada.id, questionId: q } } });
    expect({ due: stored.due.toISOString(), state: stored.state, reps: stored.reps, lapses: stored.lapses }).toEqual({ due: expected.due.toISOString(), state: expected.state, reps: expected.reps, lapses: expected.lapses });
  });

  it('rejects unknown questions, ratings and dates with a 400 naming the field', async () => {
    for (const [body, field] of [
      [{ questionId: '99-nope', rating: 'good', at: '2026-12-01T00:00:00.000Z' }, /99-nope/],
      [{ questionId: '02-gates', rating: 'perfect', at: '2026-12-01T00:00:00.000Z' }, /rating/],
      [{ questionId: '02-gates', rating: 'good', at: 'yesterday' }, /at/],
      [{ questionId: 2, rating: 'good', at: '2026-12-01T00:00:00.000Z' }, /questionId/],
    ] as const) {
      const res = await call(h, postReview, {}, { cookie: ada.cookie, body });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatch(field);
    }
    await expect(h.scratch.db.prisma.reviewLog.count({ where: { userId: ada.id, questionId: '02-gates' } })).resolves.toBe(0);
  });
});

describe('GET /api/reviews/due', () => {
  it('lists the due questions earliest first and the next one to come', async () => {
    const bob = await h.signUp('due@example.com');
    const r = (questionId: string, rating: string, at: string) => call(h, postReview, {}, { cookie: bob.cookie, body: { questionId, rating, at } });
    await r('01-lstm-vs-rnn', 'good', '2026-12-01T08:00:00.000Z'); // learning: due minutes later
    await r('02-gates', 'again', '2026-12-01T07:00:00.000Z'); // due a minute later
    await r('05-implementing-lstm', 'easy', '2026-12-01T08:00:00.000Z'); // due in days
    clock = new Date('2026-12-01T12:00:00.000Z');
    const res = await call(h, getDue, {}, { cookie: bob.cookie });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.due.map((d: { questionId: string }) => d.questionId)).toEqual(['02-gates', '01-lstm-vs-rnn']);
    expect(body.next.questionId).toBe('05-implementing-lstm');
    expect(new Date(body.next.due).getTime()).toBeGreaterThan(clock.getTime());
    clock = new Date('2027-06-01T00:00:00.000Z');
    const later = await (await call(h, getDue, {}, { cookie: bob.cookie })).json();
    expect(later.due).toHaveLength(3);
    expect(later.next).toBeNull();
  });
});
