// The number phrases of exercise 13: the words, pinned splits, disjoint numbers, and where word-by-word translation fails.
import { describe, expect, it } from 'vitest';
import { digitsOf, MAX_NUMBER, numberPhrase, numberSplits, wordByWordDigits } from '@/lib/datasets/number-phrases';

const SIZES = { train: 2000, visible: 12, hidden: 300 };

describe('numberPhrase', () => {
  it('writes British English with "and" before the last two digits after a hundred or thousand', () => {
    expect(numberPhrase(7)).toBe('seven');
    expect(numberPhrase(13)).toBe('thirteen');
    expect(numberPhrase(40)).toBe('forty');
    expect(numberPhrase(42)).toBe('forty two');
    expect(numberPhrase(700)).toBe('seven hundred');
    expect(numberPhrase(105)).toBe('one hundred and five');
    expect(numberPhrase(3005)).toBe('three thousand and five');
    expect(numberPhrase(4219)).toBe('four thousand two hundred and nineteen');
    expect(numberPhrase(9999)).toBe('nine thousand nine hundred and ninety nine');
    expect(() => numberPhrase(0)).toThrow();
    expect(() => numberPhrase(MAX_NUMBER + 1)).toThrow();
  });

  it('gives every number its own phrase of at most 7 words', () => {
    const phrases = Array.from({ length: MAX_NUMBER }, (_, i) => numberPhrase(i + 1));
    expect(new Set(phrases).size).toBe(MAX_NUMBER);
    expect(Math.max(...phrases.map((p) => p.split(' ').length))).toBe(7);
    expect(digitsOf(4219)).toBe('4 2 1 9');
  });
});

describe('numberSplits', () => {
  it('pins the numbers of a seed', () => {
    const s = numberSplits(5, { train: 3, visible: 2, hidden: 2 });
    expect(s.train.numbers).toEqual([6325, 7565, 4743]);
    expect(s.visible.numbers).toEqual([3465, 2473]);
    expect(s.hidden.sources).toEqual(['five thousand two hundred and thirty seven', 'nine thousand eight hundred and fifty eight']);
    expect(s.hidden.targets).toEqual(['5 2 3 7', '9 8 5 8']);
  });

  it('is deterministic per seed, differs between seeds, and never shows a hidden number in training', () => {
    expect(numberSplits(2, SIZES)).toEqual(numberSplits(2, SIZES));
    expect(numberSplits(3, SIZES).hidden.numbers).not.toEqual(numberSplits(2, SIZES).hidden.numbers);
    const { train, visible, hidden } = numberSplits(2, SIZES);
    const trained = new Set(train.numbers);
    expect(hidden.numbers.some((n) => trained.has(n) || visible.numbers.includes(n))).toBe(false);
    expect(new Set(hidden.numbers).size).toBe(300);
  });
});

describe('word-by-word baseline', () => {
  it('is right without zeros and wrong exactly when a 0 must be inserted', () => {
    expect(wordByWordDigits('four thousand two hundred and nineteen')).toBe('4 2 1 9');
    expect(wordByWordDigits('seven hundred')).toBe('7');
    expect(wordByWordDigits('three thousand and five')).toBe('3 5');
    // "ten" is the one word that stands for a 0 (it gives 1 0).
    const insertedZeros = (n: number) => String(n).split('').filter((d) => d === '0').length - (n % 100 === 10 ? 1 : 0);
    for (let n = 1; n <= MAX_NUMBER; n++) expect(wordByWordDigits(numberPhrase(n)) === digitsOf(n)).toBe(insertedZeros(n) === 0);
  });

  it('leaves about a quarter of the hidden phrases wrong', () => {
    for (const seed of [1, 2, 3]) {
      const { hidden } = numberSplits(seed, SIZES);
      const exact = hidden.sources.filter((s, n) => wordByWordDigits(s) === hidden.targets[n]).length / hidden.sources.length;
      expect(exact).toBeGreaterThan(0.65);
      expect(exact).toBeLessThan(0.8);
    }
  });
});
