// Reading a predictor's answers on the host: the class a score vector picks, or the number a forecast is,
// with a message naming the answer when it is neither.
import { describeValue, type WireValue } from './values';

/**
 * The class answer `k` picks: the index of its highest score (the first on ties). Throws, naming the
 * answer and what was expected, unless it is a tensor of exactly `numClasses` scores.
 */
export function predictedClass(answer: WireValue, k: number, numClasses: number, perWhat: string): number {
  if (answer.kind !== 'tensor' || answer.data.length !== numClasses) {
    throw new Error(`answer ${k + 1} is ${describeValue(answer)}; return ${numClasses} scores per ${perWhat}`);
  }
  let best = 0;
  for (let j = 1; j < answer.data.length; j++) if (answer.data[j] > answer.data[best]) best = j;
  return best;
}

/** Forecast `k` as a number: a scalar, or a tensor with one element. Throws, naming what it was, otherwise. */
export function forecastNumber(v: WireValue, k: number): number {
  if (v.kind === 'number') return v.value;
  if (v.kind === 'tensor' && v.data.length === 1) return v.data[0];
  throw new Error(`forecast ${k + 1} is ${describeValue(v)}; return one number (or a tensor with one element) per window`);
}
