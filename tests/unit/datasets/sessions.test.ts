// The session generator of exercise 10: pinned values, shapes, determinism, the promised statistics, the metrics and the baselines.
import { describe, expect, it } from 'vitest';
import {
  generateCatalogue,
  generateSessions,
  lastItemScorer,
  mostPopularScores,
  nextClickDistribution,
  rankingMetrics,
  rankOf,
  routeAnchor,
  SESSION_CONFIG,
  sessionAt,
  sessionLists,
  sessionQueries,
  sessionSplits,
  type SessionSet,
} from '@/lib/datasets/sessions';

const TINY = { ...SESSION_CONFIG, numItems: 8, numHubs: 2, numIntents: 2, minLength: 3, maxLength: 6 };
const SIZES = { train: 2000, visible: 12, hidden: 1000 };

/** A session set from plain lists (intents all 0), for hand-checked baselines. */
function setOf(sessions: number[][]): SessionSet {
  const offsets = new Int32Array(sessions.length + 1);
  sessions.forEach((s, i) => (offsets[i + 1] = offsets[i] + s.length));
  const items = Int32Array.from(sessions.flat());
  return { items, offsets, intents: new Int32Array(items.length), count: sessions.length };
}

describe('generateCatalogue', () => {
  it('pins a tiny catalogue (seed 5: 8 items, 2 hubs, 2 intents)', () => {
    const c = generateCatalogue(5, TINY);
    // Zipf with s = 1 over ranks 0…7: p = 1 / ((r + 1)·H₈), H₈ = 2.71786; the shuffle put items 5, 3, 7, 1, 4, 2, 8, 6 at ranks 0…7.
    const h8 = 761 / 280;
    const byRank = [5, 3, 7, 1, 4, 2, 8, 6];
    byRank.forEach((item, r) => expect(c.popularity[item]).toBeCloseTo(1 / ((r + 1) * h8), 12));
    expect(c.popularity[0]).toBe(0);
    // The two most popular items are the hubs, clicked 2 : 1 (the ratio of 1/1 to 1/2).
    expect(Array.from(c.hubs)).toEqual([5, 3]);
    expect(Array.from(c.hubWeights)).toEqual([2 / 3, 1 / 3]);
    // The six others are dealt to the two intents, three each, in route order.
    expect(c.intents.map((i) => Array.from(i.route))).toEqual([
      [2, 6, 8],
      [1, 7, 4],
    ]);
    expect(Array.from(c.successor)).toEqual([0, 7, 6, 0, 1, 0, 8, 4, 2]);
    expect(Array.from(c.intentOf)).toEqual([-1, 1, 0, -1, 1, -1, 0, 1, 0]);
    // Jump weights are the items' popularity within the intent: 1/6 : 1/8 : 1/7 for items 2, 6, 8.
    const w = [1 / 6, 1 / 8, 1 / 7];
    c.intents[0].weights.forEach((x, r) => expect(x).toBeCloseTo(w[r] / (w[0] + w[1] + w[2]), 12));
  });

  it('has a Zipf popularity, hubs on top and every other item on exactly one route', () => {
    const c = generateCatalogue(42);
    const { numItems, numHubs, numIntents } = SESSION_CONFIG;
    const sorted = Array.from(c.popularity.slice(1)).sort((a, b) => b - a);
    expect(sorted.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(sorted[0] / sorted[1]).toBeCloseTo(2, 10); // 1/1 : 1/2
    expect(sorted[0] / sorted[9]).toBeCloseTo(10, 10);
    expect(Array.from(c.hubs).map((h) => c.popularity[h])).toEqual(sorted.slice(0, numHubs));

    const onRoutes = c.intents.flatMap((i) => Array.from(i.route));
    expect(onRoutes).toHaveLength(numItems - numHubs);
    expect(new Set([...onRoutes, ...c.hubs])).toEqual(new Set(Array.from({ length: numItems }, (_, i) => i + 1)));
    expect(c.intents).toHaveLength(numIntents);
    for (const [k, intent] of c.intents.entries()) {
      // Following the successors from the route's start walks the whole route and comes back.
      let item = intent.route[0];
      for (let p = 1; p <= intent.route.length; p++) {
        expect(c.intentOf[item]).toBe(k);
        item = c.successor[item];
        expect(item).toBe(intent.route[p % intent.route.length]);
      }
    }
  });
});

describe('generateSessions', () => {
  it('pins three tiny sessions (catalogue seed 5, sessions seed 9) and explains each click', () => {
    const s = generateSessions(generateCatalogue(5, TINY), 3, 9);
    // [1, 7, 8]: intent 1 starts at 1, follows its route to 7, drifts to intent 0 and jumps to 8.
    // [6, 5, 6, 8, 2]: intent 0; hub 5 is a distraction, a jump back to 6, then 6 → 8 → 2 along the route.
    // [3, 1, 5]: a hub, a jump into intent 1, a hub.
    expect(sessionLists(s)).toEqual([
      [1, 7, 8],
      [6, 5, 6, 8, 2],
      [3, 1, 5],
    ]);
    expect(Array.from(s.intents)).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0]);
    expect(Array.from(s.offsets)).toEqual([0, 3, 8, 11]);
  });

  it('pins the first sessions of seed 1 (the grader uses this seed)', () => {
    const { catalogue, train, hidden } = sessionSplits(1, SIZES);
    expect(Array.from(catalogue.hubs.slice(0, 5))).toEqual([16, 262, 91, 187, 292]);
    expect(Array.from(sessionAt(train, 0))).toEqual([262, 253, 16, 16, 262]);
    expect(Array.from(sessionAt(hidden, 0))).toEqual([109, 11, 187]);
  });

  it('stores variable-length sessions flat, with ids in 1…numItems and lengths in [3, 20]', () => {
    const { train } = sessionSplits(3, SIZES);
    expect(train.count).toBe(SIZES.train);
    expect(train.offsets).toHaveLength(SIZES.train + 1);
    expect(train.offsets[0]).toBe(0);
    expect(train.offsets[SIZES.train]).toBe(train.items.length);
    expect(train.intents).toHaveLength(train.items.length);
    const lengths = Array.from({ length: train.count }, (_, i) => train.offsets[i + 1] - train.offsets[i]);
    expect(Math.min(...lengths)).toBe(3);
    expect(Math.max(...lengths)).toBe(20);
    expect(train.items.every((id) => id >= 1 && id <= SESSION_CONFIG.numItems)).toBe(true);
  });

  it('is deterministic per seed; other seeds, and the splits of one seed, differ', () => {
    const a = sessionSplits(7, SIZES);
    const b = sessionSplits(7, SIZES);
    expect(a.train.items).toEqual(b.train.items);
    expect(a.hidden.items).toEqual(b.hidden.items);
    expect(a.catalogue.popularity).toEqual(b.catalogue.popularity);
    const c = sessionSplits(8, SIZES);
    expect(c.catalogue.hubs).not.toEqual(a.catalogue.hubs);
    expect(sessionLists(a.hidden).slice(0, 20)).not.toEqual(sessionLists(a.train).slice(0, 20));
  });

  it('has the promised click statistics: 40 % hubs, route-following, one drift in 30 % of sessions', () => {
    const { catalogue, train } = sessionSplits(2, SIZES);
    const { hub, follow, drift } = SESSION_CONFIG;
    let hubs = 0;
    let canFollow = 0;
    let followed = 0;
    let drifted = 0;
    for (let i = 0; i < train.count; i++) {
      const s = sessionAt(train, i);
      const intents = train.intents.subarray(train.offsets[i], train.offsets[i + 1]);
      if (new Set(intents).size === 2) drifted++;
      s.forEach((item, t) => {
        if (catalogue.intentOf[item] < 0) hubs++;
        const anchor = routeAnchor(catalogue, s.subarray(0, t));
        if (catalogue.intentOf[item] >= 0 && anchor !== 0 && catalogue.intentOf[anchor] === intents[t]) {
          canFollow++;
          if (item === catalogue.successor[anchor]) followed++;
        }
      });
    }
    expect(hubs / train.items.length).toBeCloseTo(hub, 1);
    // A non-hub click after a non-hub click of the same intent is the successor with probability ≥ follow (a jump can land there too).
    expect(followed / canFollow).toBeGreaterThan(follow);
    expect(followed / canFollow).toBeLessThan(follow + 0.05);
    expect(drifted / train.count).toBeCloseTo(drift, 1);
  });
});

describe('sessionQueries', () => {
  it('cuts every session once, keeps the target and its intent, and shuffles the order by seed', () => {
    const set = setOf([
      [1, 2, 3],
      [4, 5, 6, 7],
      [8, 9, 10, 11, 12],
    ]);
    set.intents.set([0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 3]);
    const queries = sessionQueries(set, 11);
    expect(queries).toHaveLength(3);
    for (const q of queries) {
      const session = sessionLists(set).find((s) => s[0] === q.prefix[0])!;
      expect(q.prefix.length).toBeGreaterThanOrEqual(1);
      expect(q.prefix.length).toBeLessThan(session.length);
      expect(Array.from(q.prefix)).toEqual(session.slice(0, q.prefix.length));
      expect(q.target).toBe(session[q.prefix.length]);
    }
    expect(sessionQueries(set, 11)).toEqual(queries);
    const { hidden } = sessionSplits(1, SIZES);
    const firsts = (seed: number) => sessionQueries(hidden, seed).map((q) => q.prefix[0]);
    expect(firsts(1)).not.toEqual(firsts(2));
    expect(firsts(1).slice(0, 50)).not.toEqual(sessionLists(hidden).slice(0, 50).map((s) => s[0]));
  });
});

describe('ranking metrics', () => {
  it('ranks by descending score, ignores index 0 and counts ties against the target', () => {
    const scores = [99, 0.1, 0.5, 0.3, 0.5];
    expect(rankOf(scores, 2)).toBe(2); // item 4 ties at 0.5
    expect(rankOf(scores, 3)).toBe(3);
    expect(rankOf(scores, 1)).toBe(4); // index 0's 99 does not count
    expect(rankOf([0, 1, 1, 1], 2)).toBe(3); // constant scores rank the target last
    expect(rankOf([0, Number.NaN, 1], 1)).toBe(3);
  });

  it('computes Recall@K and MRR@K', () => {
    // ranks 1, 3, 12, 2 with K = 10: three hits; MRR = (1 + 1/3 + 0 + 1/2) / 4.
    const { recall, mrr } = rankingMetrics([1, 3, 12, 2], 10);
    expect(recall).toBe(0.75);
    expect(mrr).toBeCloseTo((1 + 1 / 3 + 1 / 2) / 4, 12);
  });
});

describe('baselines', () => {
  const train = setOf([
    [1, 2, 3],
    [1, 2, 2],
    [3, 1, 3],
  ]);

  it('most-popular counts clicks', () => {
    expect(Array.from(mostPopularScores(train, 4))).toEqual([0, 3, 3, 3, 0]);
  });

  it('last-item co-occurrence counts what followed the last click, popularity breaking ties', () => {
    const scorer = lastItemScorer(train, 4);
    // After 2: 3 once, 2 once; after 1: 2 twice, 3 once. The tie-break adds count / (total + 1) = c / 10.
    expect(Array.from(scorer([4, 2]))).toEqual([0, 0.3, 1.3, 1.3, 0]);
    expect(rankOf(scorer([1]), 2)).toBe(1);
    expect(rankOf(scorer([1]), 3)).toBe(2);
    // Item 4 never clicked: every candidate falls back to popularity.
    expect(Array.from(scorer([4]))).toEqual([0, 0.3, 0.3, 0.3, 0]);
  });

  it('leave room above them: knowing the intent and the route beats the last click by ≥ 0.1 Recall@10', () => {
    for (const seed of [1, 2, 3]) {
      const { catalogue, train: sessions, hidden } = sessionSplits(seed, SIZES);
      const queries = sessionQueries(hidden, seed);
      const recall = (scores: (q: (typeof queries)[number]) => ArrayLike<number>) =>
        rankingMetrics(queries.map((q) => rankOf(scores(q), q.target)), 10).recall;
      const popular = mostPopularScores(sessions, SESSION_CONFIG.numItems);
      const lastItem = lastItemScorer(sessions, SESSION_CONFIG.numItems);
      const oracle = recall((q) => nextClickDistribution(catalogue, q.intent, routeAnchor(catalogue, q.prefix)));
      const popularRecall = recall(() => popular);
      const lastRecall = recall((q) => lastItem(q.prefix));
      // Most-popular is a real baseline (random guessing: 10 / 300), the last item a stronger one.
      expect(popularRecall).toBeGreaterThan(0.2);
      expect(lastRecall).toBeGreaterThan(popularRecall + 0.15);
      expect(oracle).toBeGreaterThan(lastRecall + 0.1);
    }
  });

  it('lose most when the last click is a hub: then only the clicks before it tell the route', () => {
    const { catalogue, train, hidden } = sessionSplits(1, SIZES);
    const queries = sessionQueries(hidden, 1);
    const lastItem = lastItemScorer(train, SESSION_CONFIG.numItems);
    const lastIsHub = (q: (typeof queries)[number]) => catalogue.intentOf[q.prefix[q.prefix.length - 1]] < 0;
    const recallOf = (subset: typeof queries) => rankingMetrics(subset.map((q) => rankOf(lastItem(q.prefix), q.target)), 10).recall;
    const afterHub = queries.filter(lastIsHub);
    expect(afterHub.length / queries.length).toBeCloseTo(SESSION_CONFIG.hub, 1);
    expect(recallOf(afterHub)).toBeLessThan(recallOf(queries.filter((q) => !lastIsHub(q))) - 0.3);
  });
});
