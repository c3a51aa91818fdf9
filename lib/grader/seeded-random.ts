// Math.random made seedable per training case, so tf.layers initialisers, fit's shuffling and learner code repeat exactly.
import { mulberry32 } from '@/lib/lstm/random';

/** Re-seeds the installed Math.random; every later draw comes from mulberry32(seed). */
export type ReseedRandom = (seed: number) => void;

/**
 * Replaces `math.random` (call once, before the realm is frozen) with a function that draws from a
 * source the returned `reseed` can switch. Until the first reseed it draws from the original.
 * tfjs seeds its own generators (alea) from Math.random when no seed is given, so one seed fixes them all.
 */
export function installSeedableRandom(math: { random(): number }): ReseedRandom {
  const original = math.random.bind(math);
  let source: () => number = original;
  Object.defineProperty(math, 'random', {
    value: function random() {
      return source();
    },
    writable: true,
    configurable: true,
    enumerable: false,
  });
  return (seed) => {
    source = mulberry32(seed);
  };
}
