// Synthetic click sessions for next-item recommendation (exercise 10): Zipf popularity, hub items, latent intents with routes, one possible drift.
import { createRng, type Rng } from '@/lib/lstm/random';

/**
 * How the world and its sessions are drawn. Item ids are 1 … numItems; 0 is reserved for padding.
 *
 * The story. Item popularity follows one Zipf law over a shuffled catalogue. The `numHubs` most
 * popular items are **hubs** (bestsellers, the home page): any session may click them. Every other
 * item belongs to exactly one latent **intent** (what the user is after), and each intent lists its
 * items in a fixed cyclic order, its **route** (think "phone → case → charger → …"). A session has an
 * intent; each click is
 * - a hub, with probability `hub` (hubs weighted by popularity): a distraction that does not move
 *   the session along its route;
 * - otherwise the route successor of the session's latest non-hub click, with probability `follow`;
 * - otherwise an item of the intent, weighted by popularity (also the first non-hub click).
 * Once per session, with probability `drift`, the intent changes to another one.
 *
 * Why order matters beyond the last item: after a hub click the last item says nothing about what
 * comes next — the click before the hub does, and only the clicks after a drift tell the current
 * intent. Why most-popular is a real baseline: the hubs are the most popular items and a large share
 * of all clicks.
 */
export interface SessionConfig {
  numItems: number;
  /** The most popular items, shared by every intent. */
  numHubs: number;
  /** The other items are split evenly (up to rounding) among the intents. */
  numIntents: number;
  /** Zipf exponent s of the catalogue's popularity, weight ∝ 1 / rank^s. */
  zipfExponent: number;
  /** Session lengths are uniform in [minLength, maxLength]. */
  minLength: number;
  maxLength: number;
  /** Probability that a session switches intent once. */
  drift: number;
  /** Probability that a click is a hub. */
  hub: number;
  /** Probability that a non-hub click follows the route (when there is a non-hub click to follow). */
  follow: number;
}

/** The configuration exercise 10-session-recommendation uses. */
export const SESSION_CONFIG: SessionConfig = {
  numItems: 300,
  numHubs: 30,
  numIntents: 10,
  zipfExponent: 1,
  minLength: 3,
  maxLength: 20,
  drift: 0.3,
  hub: 0.4,
  follow: 0.8,
};

/** One intent: its route and the weights of its jumps. */
export interface Intent {
  /** Item ids in route order; the successor of route[p] is route[(p + 1) % length]. */
  route: Int32Array;
  /** Jump weights aligned with `route`: the items' popularity, normalised. */
  weights: Float64Array;
}

/** The latent world shared by every split of one seed. */
export interface SessionCatalogue {
  config: SessionConfig;
  /** popularity[item] (sum 1 over 1 … numItems; index 0 is padding and 0). */
  popularity: Float64Array;
  /** Hub item ids, most popular first. */
  hubs: Int32Array;
  /** Hub click weights aligned with `hubs` (sum 1). */
  hubWeights: Float64Array;
  intents: Intent[];
  /** successor[item] = the next item on its intent's route; 0 for hubs and padding. Length numItems + 1. */
  successor: Int32Array;
  /** intentOf[item] = the intent an item belongs to; −1 for hubs and padding. Length numItems + 1. */
  intentOf: Int32Array;
}

/** Variable-length sessions stored flat: session i is items[offsets[i] … offsets[i + 1]). */
export interface SessionSet {
  items: Int32Array;
  /** Length count + 1, offsets[0] = 0. */
  offsets: Int32Array;
  /** The latent intent of every click (aligned with items), for tests and analysis only. */
  intents: Int32Array;
  count: number;
}

/** One evaluation query: a session's first clicks and the click that followed (hidden from the learner). */
export interface SessionQuery {
  prefix: Int32Array;
  target: number;
  /** The latent intent behind `target`, for tests and analysis only. */
  intent: number;
}

/** The data of one seed: the catalogue, training sessions and two held-out session sets. */
export interface SessionSplits {
  catalogue: SessionCatalogue;
  train: SessionSet;
  visible: SessionSet;
  hidden: SessionSet;
}

/** Sizes of the splits. */
export interface SplitSizes {
  train: number;
  visible: number;
  hidden: number;
}

/** Index drawn from non-negative weights that sum to 1. */
function sampleIndex(weights: ArrayLike<number>, rng: Rng): number {
  let u = rng.next();
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i];
    if (u < 0) return i;
  }
  // Rounding can leave u ≥ 0 after the loop: fall back to the last positive weight.
  for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
  throw new Error('sampleIndex: all weights are zero');
}

/** Non-negative weights scaled to sum 1. */
function normalised(weights: ArrayLike<number>): Float64Array {
  const w = Float64Array.from(weights);
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / total);
}

/** A uniformly random permutation of 1 … n (Fisher–Yates). */
function shuffledIds(n: number, rng: Rng): Int32Array {
  const ids = Int32Array.from({ length: n }, (_, i) => i + 1);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.integer(0, i + 1);
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  return ids;
}

/** The latent world of a seed: Zipf popularity over a shuffled catalogue, hubs, and the intents' routes. */
export function generateCatalogue(seed: number, config: SessionConfig = SESSION_CONFIG): SessionCatalogue {
  const { numItems, numHubs, numIntents, zipfExponent } = config;
  const rng = createRng(seed);
  const byRank = shuffledIds(numItems, rng); // byRank[r] = the item of popularity rank r
  const popularity = new Float64Array(numItems + 1);
  const zipf = normalised(Array.from({ length: numItems }, (_, r) => 1 / (r + 1) ** zipfExponent));
  byRank.forEach((item, r) => (popularity[item] = zipf[r]));
  const hubs = byRank.slice(0, numHubs);

  // Deal the other items out in a random order: intent k gets every numIntents-th one, in route order.
  const others = byRank.slice(numHubs);
  const dealt = shuffledIds(others.length, rng).map((i) => others[i - 1]);
  const successor = new Int32Array(numItems + 1);
  const intentOf = new Int32Array(numItems + 1).fill(-1);
  const intents = Array.from({ length: numIntents }, (_, k): Intent => {
    const route = dealt.filter((_, i) => i % numIntents === k);
    route.forEach((item, p) => {
      successor[item] = route[(p + 1) % route.length];
      intentOf[item] = k;
    });
    return { route, weights: normalised(Array.from(route, (item) => popularity[item])) };
  });
  return { config, popularity, hubs, hubWeights: normalised(Array.from(hubs, (item) => popularity[item])), intents, successor, intentOf };
}

/** The latest non-hub click of `clicks` (the point on the route a session continues from), or 0. */
export function routeAnchor(catalogue: SessionCatalogue, clicks: ArrayLike<number>): number {
  for (let t = clicks.length - 1; t >= 0; t--) if (catalogue.intentOf[clicks[t]] >= 0) return clicks[t];
  return 0;
}

/** The click under intent `k` after `anchor`, the latest non-hub click (0 when there is none). */
function nextClick(catalogue: SessionCatalogue, k: number, anchor: number, rng: Rng): number {
  const { hub, follow } = catalogue.config;
  if (rng.next() < hub) return catalogue.hubs[sampleIndex(catalogue.hubWeights, rng)];
  if (anchor !== 0 && catalogue.intentOf[anchor] === k && rng.next() < follow) return catalogue.successor[anchor];
  const intent = catalogue.intents[k];
  return intent.route[sampleIndex(intent.weights, rng)];
}

/**
 * The exact distribution nextClick draws from (length numItems + 1): what a model that knew the
 * latent intent could at best predict. Tests use it to show how much the history is worth.
 */
export function nextClickDistribution(catalogue: SessionCatalogue, k: number, anchor: number): Float64Array {
  const { hub, follow } = catalogue.config;
  const p = new Float64Array(catalogue.config.numItems + 1);
  catalogue.hubs.forEach((item, i) => (p[item] += hub * catalogue.hubWeights[i]));
  const follows = anchor !== 0 && catalogue.intentOf[anchor] === k ? follow : 0;
  if (follows > 0) p[catalogue.successor[anchor]] += (1 - hub) * follows;
  const intent = catalogue.intents[k];
  intent.route.forEach((item, r) => (p[item] += (1 - hub) * (1 - follows) * intent.weights[r]));
  return p;
}

/** One session's clicks and their intents. */
function generateSession(catalogue: SessionCatalogue, rng: Rng): { items: number[]; intents: number[] } {
  const { minLength, maxLength, drift, numIntents } = catalogue.config;
  const length = rng.integer(minLength, maxLength + 1);
  const first = rng.integer(0, numIntents);
  // The drift (if any) happens before one of clicks 2 … length − 1, so both intents get a click.
  const driftAt = rng.next() < drift ? rng.integer(2, length) : length;
  const second = (first + rng.integer(1, numIntents)) % numIntents;
  const items: number[] = [];
  const intents: number[] = [];
  let anchor = 0;
  for (let t = 0; t < length; t++) {
    const k = t < driftAt ? first : second;
    const item = nextClick(catalogue, k, anchor, rng);
    if (catalogue.intentOf[item] >= 0) anchor = item;
    items.push(item);
    intents.push(k);
  }
  return { items, intents };
}

/** `count` sessions drawn from `catalogue` with their own seed. */
export function generateSessions(catalogue: SessionCatalogue, count: number, seed: number): SessionSet {
  const rng = createRng(seed);
  const sessions = Array.from({ length: count }, () => generateSession(catalogue, rng));
  const offsets = new Int32Array(count + 1);
  sessions.forEach((s, i) => (offsets[i + 1] = offsets[i] + s.items.length));
  return {
    items: Int32Array.from(sessions.flatMap((s) => s.items)),
    offsets,
    intents: Int32Array.from(sessions.flatMap((s) => s.intents)),
    count,
  };
}

/** Session i of a set (a view, not a copy). */
export function sessionAt(set: SessionSet, i: number): Int32Array {
  return set.items.subarray(set.offsets[i], set.offsets[i + 1]);
}

/** Every session of a set as a plain array of item ids. */
export function sessionLists(set: SessionSet): number[][] {
  return Array.from({ length: set.count }, (_, i) => Array.from(sessionAt(set, i)));
}

/** Seeds of the splits, derived from the case seed so the held-out sessions never share a stream with training. */
const CATALOGUE_SALT = 1;
const TRAIN_SALT = 2;
const VISIBLE_SALT = 3;
const HIDDEN_SALT = 4;

/** The catalogue of `seed` and its train / visible / hidden sessions, each from its own seed. */
export function sessionSplits(seed: number, sizes: SplitSizes, config: SessionConfig = SESSION_CONFIG): SessionSplits {
  const derived = (salt: number) => seed * 7919 + salt * 1_000_003;
  const catalogue = generateCatalogue(derived(CATALOGUE_SALT), config);
  return {
    catalogue,
    train: generateSessions(catalogue, sizes.train, derived(TRAIN_SALT)),
    visible: generateSessions(catalogue, sizes.visible, derived(VISIBLE_SALT)),
    hidden: generateSessions(catalogue, sizes.hidden, derived(HIDDEN_SALT)),
  };
}

/**
 * One query per session: the clicks before a cut point drawn uniformly in [1, length − 1], and the
 * click at the cut. The queries come back in a shuffled order (seeded), so neighbouring queries never
 * reveal each other's answers.
 */
export function sessionQueries(set: SessionSet, seed: number): SessionQuery[] {
  const rng = createRng(seed);
  const queries = Array.from({ length: set.count }, (_, i): SessionQuery => {
    const session = sessionAt(set, i);
    const cut = rng.integer(1, session.length);
    return { prefix: session.slice(0, cut), target: session[cut], intent: set.intents[set.offsets[i] + cut] };
  });
  for (let i = queries.length - 1; i > 0; i--) {
    const j = rng.integer(0, i + 1);
    [queries[i], queries[j]] = [queries[j], queries[i]];
  }
  return queries;
}

// ---------------------------------------------------------------- ranking metrics and the baselines

/** 1-based rank of `target` among items 1 … n by descending score (ties count against the target); index 0 is ignored. */
export function rankOf(scores: ArrayLike<number>, target: number): number {
  const s = scores[target];
  if (!Number.isFinite(s)) return scores.length; // a NaN or −∞ target score ranks last
  let rank = 1;
  for (let j = 1; j < scores.length; j++) if (j !== target && !(scores[j] < s)) rank++;
  return rank;
}

/** Recall@K and MRR@K of ranks: the share of ranks ≤ K, and the mean of 1/rank over them (0 beyond K). */
export function rankingMetrics(ranks: readonly number[], k: number): { recall: number; mrr: number } {
  const hits = ranks.filter((r) => r <= k);
  return { recall: hits.length / ranks.length, mrr: hits.reduce((sum, r) => sum + 1 / r, 0) / ranks.length };
}

/** The most-popular baseline: every item's click count in `train` (index 0, padding, stays 0). */
export function mostPopularScores(train: SessionSet, numItems: number): Float64Array {
  const counts = new Float64Array(numItems + 1);
  for (const item of train.items) counts[item]++;
  return counts;
}

/**
 * The last-item co-occurrence baseline: for a prefix, how often each item directly followed the
 * prefix's last click in `train`, plus its popularity scaled below one count, so ties and unseen last
 * clicks fall back to most-popular.
 */
export function lastItemScorer(train: SessionSet, numItems: number): (prefix: ArrayLike<number>) => Float64Array {
  const popularity = mostPopularScores(train, numItems);
  const total = popularity.reduce((a, b) => a + b, 0);
  const rows = Array.from({ length: numItems + 1 }, () => popularity.map((c) => c / (total + 1)));
  for (let i = 0; i < train.count; i++) {
    const s = sessionAt(train, i);
    for (let t = 1; t < s.length; t++) rows[s[t - 1]][s[t]]++;
  }
  return (prefix) => rows[prefix[prefix.length - 1]];
}
