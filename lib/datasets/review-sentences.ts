// Synthetic one-sentence film reviews for sentiment with negation and contrast (exercise 12): word order decides the label.
import { createRng, type Rng } from '@/lib/lstm/random';

/**
 * The story. A review is built from clauses. A clause states a sentiment about an aspect of a film ("the plot
 * was really clever", "I loved it") — or its opposite under a negator ("the plot was hardly clever", "I didn't
 * love it"). A review is one of:
 * - `plain`: one clause without negation;
 * - `negated`: one negated clause: the sentiment word says the opposite of the label;
 * - `contrast`: a clause of the other sentiment, a turn ("but", "although … ,", "I expected to … but"), then a
 *   clause of the label's sentiment: the last clause wins.
 *
 * Why order matters: every sentiment word appears as often in positive as in negative reviews once negation
 * and contrast are counted, and "not", "hardly" or "but" carry no sentiment of their own; what they change is
 * decided by where they stand. A bag of words gets the plain reviews right and little else; a sequence model
 * can learn the scope of a negator and that the clause after "but" wins.
 */
export const REVIEW_KINDS = ['plain', 'negated', 'contrast'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

const ASPECTS = ['the film', 'the plot', 'the acting', 'the ending', 'the soundtrack', 'the script', 'the cast', 'the camera work'];
/** Sentiment adjectives: [negative, positive]. */
const ADJECTIVES = [
  ['bad', 'boring', 'awful', 'dull', 'weak', 'predictable'],
  ['good', 'great', 'funny', 'moving', 'brilliant', 'clever'],
];
/** "I … it" verbs, past tense and bare: [negative, positive]. */
const VERBS = [
  [['hated', 'hate'], ['disliked', 'dislike']],
  [['loved', 'love'], ['liked', 'like'], ['enjoyed', 'enjoy']],
];
const INTENSIFIERS = ['', 'really ', 'very ', 'quite ', 'truly '];
const NEGATORS = ['not ', 'hardly ', 'never ', 'far from ', 'not really '];

/** How reviews are drawn. */
export interface ReviewConfig {
  /** Probabilities of plain, negated and contrast reviews (sum 1). */
  kindWeights: readonly [number, number, number];
}

export const REVIEW_CONFIG: ReviewConfig = { kindWeights: [0.3, 0.35, 0.35] };

/** A labelled set of reviews. */
export interface Reviews {
  texts: string[];
  /** 1 = positive, 0 = negative. */
  labels: number[];
  /** Which construction each review uses (for tests and the grader's breakdown). */
  kinds: ReviewKind[];
}

const pick = <T>(items: readonly T[], rng: Rng): T => items[rng.integer(0, items.length)];

/** A clause of sentiment `positive` (1 or 0), negated or not: the sentiment word is the opposite when negated. */
function clause(positive: number, negated: boolean, rng: Rng): string {
  const wordPolarity = negated ? 1 - positive : positive;
  if (rng.next() < 0.5) {
    const negator = negated ? pick(NEGATORS, rng) : pick(INTENSIFIERS, rng);
    return `${pick(ASPECTS, rng)} was ${negator}${pick(ADJECTIVES[wordPolarity], rng)}`;
  }
  const [past, bare] = pick(VERBS[wordPolarity], rng);
  return negated ? `I ${pick(["didn't", 'did not'], rng)} ${bare} it` : `I ${past} it`;
}

/** A clause of sentiment `positive`, negated with probability 1/2. */
const anyClause = (positive: number, rng: Rng) => clause(positive, rng.next() < 0.5, rng);

/** "although A, B" / "A, but B" / "I expected to … it, but B": the other sentiment first, the label's last. */
function contrast(positive: number, rng: Rng): string {
  const form = rng.integer(0, 3);
  const last = anyClause(positive, rng);
  if (form === 0) return `although ${anyClause(1 - positive, rng)}, ${last}`;
  if (form === 1) return `${anyClause(1 - positive, rng)}, but ${last}`;
  return `I expected to ${pick(VERBS[1 - positive], rng)[1]} it, but ${last}`;
}

/** One review, its label and its kind. */
function review(rng: Rng, config: ReviewConfig): { text: string; label: number; kind: ReviewKind } {
  const label = rng.integer(0, 2);
  const u = rng.next();
  const kind: ReviewKind = u < config.kindWeights[0] ? 'plain' : u < config.kindWeights[0] + config.kindWeights[1] ? 'negated' : 'contrast';
  const body = kind === 'contrast' ? contrast(label, rng) : clause(label, kind === 'negated', rng);
  return { text: `${body.charAt(0).toUpperCase()}${body.slice(1)}.`, label, kind };
}

/** `count` reviews from their own seed. */
export function reviewSentences(count: number, seed: number, config: ReviewConfig = REVIEW_CONFIG): Reviews {
  const rng = createRng(seed);
  const drawn = Array.from({ length: count }, () => review(rng, config));
  return { texts: drawn.map((r) => r.text), labels: drawn.map((r) => r.label), kinds: drawn.map((r) => r.kind) };
}

/** Sizes of the splits. */
export interface ReviewSplitSizes {
  train: number;
  visible: number;
  hidden: number;
}

/** Train / visible / hidden reviews of one case seed, each split from its own derived seed. */
export function reviewSplits(seed: number, sizes: ReviewSplitSizes): { train: Reviews; visible: Reviews; hidden: Reviews } {
  const derived = (salt: number) => seed * 7919 + salt * 1_000_003;
  return { train: reviewSentences(sizes.train, derived(1)), visible: reviewSentences(sizes.visible, derived(2)), hidden: reviewSentences(sizes.hidden, derived(3)) };
}
