// English number phrases and their digits (exercise 13): a tiny "translation" pair where tokens must be inserted and no word maps to them one-to-one.
import { createRng } from '@/lib/lstm/random';

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** The largest number the phrases cover. */
export const MAX_NUMBER = 9999;

/** 1 … 99 in words: "seven", "thirteen", "forty two". */
function belowHundred(n: number): string[] {
  if (n < 10) return [UNITS[n]];
  if (n < 20) return [TEENS[n - 10]];
  return n % 10 === 0 ? [TENS[n / 10]] : [TENS[Math.floor(n / 10)], UNITS[n % 10]];
}

/**
 * British English words of 1 … 9999, "and" before the last two digits when a hundred or thousand precedes them:
 * 4219 → "four thousand two hundred and nineteen", 3005 → "three thousand and five", 700 → "seven hundred".
 */
export function numberPhrase(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_NUMBER) throw new Error(`numberPhrase: ${n} is not in 1 … ${MAX_NUMBER}`);
  const thousands = Math.floor(n / 1000);
  const hundreds = Math.floor((n % 1000) / 100);
  const rest = n % 100;
  const words: string[] = [];
  if (thousands > 0) words.push(UNITS[thousands], 'thousand');
  if (hundreds > 0) words.push(UNITS[hundreds], 'hundred');
  if (rest > 0) words.push(...(words.length > 0 ? ['and'] : []), ...belowHundred(rest));
  return words.join(' ');
}

/** The normalised form: the digits, space-separated ("4 2 1 9"). */
export const digitsOf = (n: number): string => String(n).split('').join(' ');

/**
 * The baseline that translates word by word with a perfect dictionary ("four" → 4, "nineteen" → 1 9, "forty" → 4,
 * "thousand" / "hundred" / "and" → nothing): wrong exactly when a 0 must be written that no word stands for
 * ("seven hundred" → 7, not 7 0 0; "ten" is the one word that gives a 0).
 */
export function wordByWordDigits(phrase: string): string {
  const digits = phrase.split(' ').flatMap((w): string[] => {
    if (UNITS.includes(w)) return [String(UNITS.indexOf(w))];
    if (TEENS.includes(w)) return ['1', String(TEENS.indexOf(w))];
    if (TENS.includes(w)) return [String(TENS.indexOf(w))];
    return [];
  });
  return digits.join(' ');
}

/** A set of number phrases and their digits. */
export interface NumberPairs {
  numbers: number[];
  sources: string[];
  targets: string[];
}

const pairsOf = (numbers: number[]): NumberPairs => ({ numbers, sources: numbers.map(numberPhrase), targets: numbers.map(digitsOf) });

/** Sizes of the splits. */
export interface NumberSplitSizes {
  train: number;
  visible: number;
  hidden: number;
}

/** Disjoint train / visible / hidden sets of numbers, drawn without replacement from 1 … MAX_NUMBER by the seed: hidden numbers are never trained on. */
export function numberSplits(seed: number, sizes: NumberSplitSizes): { train: NumberPairs; visible: NumberPairs; hidden: NumberPairs } {
  const rng = createRng(seed * 7919 + 1_000_003);
  const numbers = Array.from({ length: MAX_NUMBER }, (_, i) => i + 1);
  for (let i = numbers.length - 1; i > 0; i--) {
    const j = rng.integer(0, i + 1);
    [numbers[i], numbers[j]] = [numbers[j], numbers[i]];
  }
  const { train, visible, hidden } = sizes;
  return {
    train: pairsOf(numbers.slice(0, train)),
    visible: pairsOf(numbers.slice(train, train + visible)),
    hidden: pairsOf(numbers.slice(train + visible, train + visible + hidden)),
  };
}
