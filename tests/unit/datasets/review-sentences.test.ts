// The reviews of exercise 12: pinned values, the promised mix, and why a bag of words cannot read them while order can.
import { describe, expect, it } from 'vitest';
import { classifierAccuracy, fitBagOfWords } from '@/lib/datasets/bag-of-words';
import { REVIEW_CONFIG, REVIEW_KINDS, reviewSentences, reviewSplits } from '@/lib/datasets/review-sentences';
import { textToWordSequence } from '@/lib/text';

const SIZES = { train: 2000, visible: 12, hidden: 600 };
const POSITIVE = new Set(['good', 'great', 'funny', 'moving', 'brilliant', 'clever', 'loved', 'love', 'liked', 'like', 'enjoyed', 'enjoy']);
const NEGATIVE = new Set(['bad', 'boring', 'awful', 'dull', 'weak', 'predictable', 'hated', 'hate', 'disliked', 'dislike']);
const NEGATORS = new Set(['not', 'hardly', 'never', 'far', "didn't"]);

/** Reads a review the way the generator writes it: the last clause wins; a negator flips its sentiment word. */
function readInOrder(text: string): number {
  const clauses = text.toLowerCase().split(/,/);
  const words = textToWordSequence(clauses[clauses.length - 1]);
  const sentiment = words.find((w) => POSITIVE.has(w) || NEGATIVE.has(w))!;
  return Number(POSITIVE.has(sentiment) !== words.some((w) => NEGATORS.has(w)));
}

describe('reviewSentences', () => {
  it('pins the first reviews of a seed', () => {
    expect(reviewSentences(4, 5)).toEqual({
      texts: ['Although the script was quite dull, the script was very funny.', 'The acting was not really brilliant.', 'The plot was quite great.', "I didn't love it."],
      labels: [1, 0, 1, 0],
      kinds: ['contrast', 'negated', 'plain', 'negated'],
    });
  });

  it('is deterministic per seed; other seeds, and the splits of one seed, differ', () => {
    expect(reviewSplits(4, SIZES)).toEqual(reviewSplits(4, SIZES));
    expect(reviewSplits(5, SIZES).train.texts).not.toEqual(reviewSplits(4, SIZES).train.texts);
    const { train, visible, hidden } = reviewSplits(4, SIZES);
    expect([train.texts.length, visible.texts.length, hidden.texts.length]).toEqual([2000, 12, 600]);
    expect(hidden.texts.slice(0, 12)).not.toEqual(visible.texts);
  });

  it('has balanced labels, the promised mix of kinds, and at most 20 words', () => {
    const { texts, labels, kinds } = reviewSentences(4000, 9);
    expect(labels.filter((l) => l === 1).length / 4000).toBeCloseTo(0.5, 1);
    REVIEW_KINDS.forEach((kind, i) => expect(kinds.filter((k) => k === kind).length / 4000).toBeCloseTo(REVIEW_CONFIG.kindWeights[i], 1));
    expect(Math.max(...texts.map((t) => textToWordSequence(t).length))).toBeLessThanOrEqual(20);
  });

  it('is fully decided by order: the last clause, its sentiment word flipped by a negator', () => {
    const { texts, labels } = reviewSentences(2000, 3);
    expect(texts.every((t, n) => readInOrder(t) === labels[n])).toBe(true);
  });

  it('uses the sentiment adjectives on both sides about equally, so the word alone does not decide', () => {
    // (The bare verbs lean: "I expected to hate it, but …" is always positive; the baseline may use that.)
    const { texts, labels } = reviewSentences(4000, 3);
    for (const word of ['good', 'bad', 'clever', 'boring']) {
      const share = texts.filter((t, n) => textToWordSequence(t).includes(word) && labels[n] === 1).length / texts.filter((t) => textToWordSequence(t).includes(word)).length;
      expect(share).toBeGreaterThan(0.25);
      expect(share).toBeLessThan(0.75);
    }
  });

  it('leaves the bag-of-words baseline far below what order gives', () => {
    const { train, hidden } = reviewSplits(1, SIZES);
    const classify = fitBagOfWords(train.texts, train.labels, 2, { numWords: 100 });
    expect(classifierAccuracy(classify, hidden.texts, hidden.labels)).toBeLessThan(0.8);
  });
});
