// Synthetic news sentences for topic classification (exercise 11): a main clause on the topic, sometimes an aside on another.
import { createRng, type Rng } from '@/lib/lstm/random';

/**
 * The story. A sentence is a main clause about its topic ("the coach praised the striker"), optionally
 * introduced by a reporter ("<name> reports that …"), and in `asideRate` of the sentences followed by an aside
 * about another topic built exactly like the main clause (", while elsewhere the senate debated the budget").
 * The label is the topic of the main clause.
 *
 * Why order matters: the aside uses the same words in the same amounts as a main clause of its topic, so a
 * bag of words sees two topics equally and can only guess which one came first; a sequence model reads which
 * topic comes before the connective. Why a tokenizer's `numWords` and OOV token matter: the reporters' names
 * come from a long list, so most are rare (beyond `numWords`) and the hidden sentences bring names the training
 * sentences never had.
 */
export const TOPICS = ['sport', 'politics', 'technology', 'cooking'] as const;

/** Noun phrases of each topic, in the order of TOPICS. */
const TOPIC_PHRASES: readonly (readonly string[])[] = [
  ['the coach', 'the striker', 'the referee', 'the league', 'the goalkeeper', 'the final match', 'the fans', 'the away team'],
  ['the senate', 'the minister', 'the new budget', 'the opposition', 'the election', 'the voters', 'the tax reform', 'the mayor'],
  ['the startup', 'the new phone', 'the software update', 'the chip maker', 'the robots', 'the app store', 'the data center', 'the engineers'],
  ['the chef', 'the new recipe', 'the bakery', 'the soup', 'the kitchen staff', 'the spice market', 'the menu', 'the fresh bread'],
];

/** Verbs any clause may use (they say nothing about the topic). */
const VERBS = ['praised', 'surprised', 'criticised', 'changed', 'welcomed', 'ignored', 'delayed', 'questioned', 'celebrated', 'replaced'];

/** What joins an aside to the main clause. */
const CONNECTIVES = ['while elsewhere', 'and in other news', 'even as', 'a day after'];

/** Reporter names, 240 of them ("kalo", "mineva", …), so most are rare. */
const NAMES = Array.from({ length: 240 }, (_, i) => {
  const syllables = ['ka', 'lo', 'mi', 'ne', 'va', 'su', 'ro', 'ti', 'da', 'fe', 'gu', 'ha'];
  return `${syllables[i % 12]}${syllables[Math.floor(i / 12) % 12]}${i >= 144 ? syllables[(i * 5) % 12] : ''}`;
});

/** How sentences are drawn. */
export interface TopicSentenceConfig {
  /** Share of sentences with an aside on another topic. */
  asideRate: number;
  /** Share of sentences introduced by a reporter's name. */
  reporterRate: number;
}

export const TOPIC_SENTENCE_CONFIG: TopicSentenceConfig = { asideRate: 0.6, reporterRate: 0.5 };

/** A labelled set of sentences. */
export interface TopicSentences {
  texts: string[];
  /** Index into TOPICS of each sentence's main clause. */
  labels: number[];
  /** The aside's topic, or −1 for a sentence without one (for tests and analysis only). */
  asideTopics: number[];
}

const pick = <T>(items: readonly T[], rng: Rng): T => items[rng.integer(0, items.length)];

/** "the coach praised the striker": two noun phrases of `topic` around a verb. */
function clause(topic: number, rng: Rng): string {
  const phrases = TOPIC_PHRASES[topic];
  const subject = pick(phrases, rng);
  let object = pick(phrases, rng);
  while (object === subject) object = pick(phrases, rng);
  return `${subject} ${pick(VERBS, rng)} ${object}`;
}

/** One sentence, its topic and its aside's topic (−1 when none). */
function sentence(rng: Rng, config: TopicSentenceConfig): { text: string; label: number; aside: number } {
  const label = rng.integer(0, TOPICS.length);
  const reporter = rng.next() < config.reporterRate ? `${pick(NAMES, rng)} reports that ` : '';
  const aside = rng.next() < config.asideRate ? (label + rng.integer(1, TOPICS.length)) % TOPICS.length : -1;
  const main = clause(label, rng);
  const tail = aside >= 0 ? `, ${pick(CONNECTIVES, rng)} ${clause(aside, rng)}` : '';
  const text = `${reporter}${main}${tail}.`;
  return { text: text.charAt(0).toUpperCase() + text.slice(1), label, aside };
}

/** `count` sentences from their own seed. */
export function topicSentences(count: number, seed: number, config: TopicSentenceConfig = TOPIC_SENTENCE_CONFIG): TopicSentences {
  const rng = createRng(seed);
  const drawn = Array.from({ length: count }, () => sentence(rng, config));
  return { texts: drawn.map((s) => s.text), labels: drawn.map((s) => s.label), asideTopics: drawn.map((s) => s.aside) };
}

/** Sizes of the splits. */
export interface TopicSplitSizes {
  train: number;
  visible: number;
  hidden: number;
}

/** Train / visible / hidden sentences of one case seed, each split from its own derived seed. */
export function topicSplits(seed: number, sizes: TopicSplitSizes): { train: TopicSentences; visible: TopicSentences; hidden: TopicSentences } {
  const derived = (salt: number) => seed * 7919 + salt * 1_000_003;
  return { train: topicSentences(sizes.train, derived(1)), visible: topicSentences(sizes.visible, derived(2)), hidden: topicSentences(sizes.hidden, derived(3)) };
}
