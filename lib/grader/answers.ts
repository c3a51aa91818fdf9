// Reading a predictor's answers on the host: the class a score vector picks, with a message when it is not one.
import type { WireValue } from './values';

/**
 * The class answer `k` picks: the index of its highest score (the first on ties). Throws, naming the
 * answer and what was expected, unless it is a tensor of exactly `numClasses` scores.
 */
export function predictedClass(answer: WireValue, k: number, numClasses: number, perWhat: string): number {
  if (answer.kind !== 'tensor' || answer.data.length !== numClasses) {
    const got = answer.kind === 'tensor' ? `a tensor of shape [${answer.shape.join(', ')}]` : `a ${answer.kind}`;
    throw new Error(`answer ${k + 1} is ${got}; return ${numClasses} scores per ${perWhat}`);
  }
  let best = 0;
  for (let j = 1; j < answer.data.length; j++) if (answer.data[j] > answer.data[best]) best = j;
  return best;
}
