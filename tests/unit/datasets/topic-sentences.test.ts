// The topic sentences of exercise 11 and the bag-of-words baseline: pinned values, statistics, and the order signal an LSTM needs.
import { describe, expect, it } from 'vitest';
import { argMax, classifierAccuracy, fitBagOfWords } from '@/lib/datasets/bag-of-words';
import { TOPIC_SENTENCE_CONFIG, TOPICS, topicSentences, topicSplits } from '@/lib/datasets/topic-sentences';
import { textToWordSequence } from '@/lib/text';

const SIZES = { train: 2000, visible: 12, hidden: 600 };

describe('topicSentences', () => {
  it('pins the first sentences of a seed', () => {
    expect(topicSentences(3, 5)).toEqual({
      texts: [
        'The startup questioned the robots, and in other news the away team questioned the striker.',
        'The software update criticised the engineers, a day after the final match praised the referee.',
        'Susu reports that the fresh bread praised the new recipe, a day after the new budget replaced the opposition.',
      ],
      labels: [2, 2, 3],
      asideTopics: [0, 0, 1],
    });
  });

  it('is deterministic per seed; other seeds, and the splits of one seed, differ', () => {
    expect(topicSplits(4, SIZES)).toEqual(topicSplits(4, SIZES));
    expect(topicSplits(5, SIZES).train.texts).not.toEqual(topicSplits(4, SIZES).train.texts);
    const { train, visible, hidden } = topicSplits(4, SIZES);
    expect([train.texts.length, visible.texts.length, hidden.texts.length]).toEqual([2000, 12, 600]);
    expect(hidden.texts.slice(0, 12)).not.toEqual(visible.texts);
  });

  it('has balanced topics, the promised shares of asides and reporters, and at most 21 words', () => {
    const { texts, labels, asideTopics } = topicSentences(4000, 9);
    for (let k = 0; k < TOPICS.length; k++) expect(labels.filter((l) => l === k).length / 4000).toBeCloseTo(0.25, 1);
    expect(asideTopics.filter((a) => a >= 0).length / 4000).toBeCloseTo(TOPIC_SENTENCE_CONFIG.asideRate, 1);
    expect(texts.filter((t) => t.includes(' reports that ')).length / 4000).toBeCloseTo(TOPIC_SENTENCE_CONFIG.reporterRate, 1);
    expect(asideTopics.every((a, n) => a !== labels[n])).toBe(true);
    expect(Math.max(...texts.map((t) => textToWordSequence(t).length))).toBeLessThanOrEqual(21);
  });

  it('brings hidden sentences with words the training sentences never had (the OOV index is needed)', () => {
    const { train, hidden } = topicSplits(1, SIZES);
    const seen = new Set(train.texts.flatMap((t) => textToWordSequence(t)));
    expect(hidden.texts.some((t) => textToWordSequence(t).some((w) => !seen.has(w)))).toBe(true);
  });
});

describe('bag-of-words baseline', () => {
  it('learns word evidence and ignores order', () => {
    const texts = ['goal goal', 'vote vote', 'goal', 'vote', 'goal match', 'vote senate'];
    const classify = fitBagOfWords(texts, [0, 1, 0, 1, 0, 1], 2, { numWords: 10 });
    expect(classifierAccuracy(classify, texts, [0, 1, 0, 1, 0, 1])).toBe(1);
    expect(Array.from(classify('goal vote match'))).toEqual(Array.from(classify('match vote goal')));
    expect(argMax([0.1, 0.7, 0.7])).toBe(1);
  });

  it('cannot tell which topic of a sentence with an aside came first: the signal only order carries', () => {
    const { train, hidden } = topicSplits(1, SIZES);
    const classify = fitBagOfWords(train.texts, train.labels, TOPICS.length, { numWords: 100 });
    const subset = (withAside: boolean) => {
      const ns = hidden.labels.map((_, n) => n).filter((n) => hidden.asideTopics[n] >= 0 === withAside);
      return classifierAccuracy(classify, ns.map((n) => hidden.texts[n]), ns.map((n) => hidden.labels[n]));
    };
    expect(subset(false)).toBeGreaterThan(0.95);
    expect(subset(true)).toBeLessThan(0.65);
    // Reading order solves it: the topic of the first topic phrase is always the label.
    const firstTopic = (text: string) => {
      const words = textToWordSequence(text);
      const markers = [['coach', 'striker', 'referee', 'league', 'goalkeeper', 'final', 'fans', 'away'], ['senate', 'minister', 'budget', 'opposition', 'election', 'voters', 'tax', 'mayor'], ['startup', 'phone', 'software', 'chip', 'robots', 'app', 'data', 'engineers'], ['chef', 'recipe', 'bakery', 'soup', 'kitchen', 'spice', 'menu', 'bread']];
      const w = words.find((word) => markers.some((m) => m.includes(word)))!;
      return markers.findIndex((m) => m.includes(w));
    };
    expect(hidden.texts.every((t, n) => firstTopic(t) === hidden.labels[n])).toBe(true);
  });
});
