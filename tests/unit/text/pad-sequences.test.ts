// lib/text padSequences against Keras' pad_sequences (keras.preprocessing.sequence / keras.utils).
import { describe, expect, it } from 'vitest';
import { padSequences } from '@/lib/text';

const SEQS = [[1], [2, 3], [4, 5, 6]];

describe('padSequences', () => {
  it('defaults to the longest length, padding before the values with 0', () => {
    // Keras: pad_sequences([[1], [2, 3], [4, 5, 6]]) == [[0, 0, 1], [0, 2, 3], [4, 5, 6]]
    expect(padSequences(SEQS)).toEqual([
      [0, 0, 1],
      [0, 2, 3],
      [4, 5, 6],
    ]);
  });

  it("pads after with padding 'post' and fills with `value`", () => {
    // Keras: pad_sequences(seqs, value=-1, padding='post') == [[1, -1, -1], [2, 3, -1], [4, 5, 6]]
    expect(padSequences(SEQS, { padding: 'post', value: -1 })).toEqual([
      [1, -1, -1],
      [2, 3, -1],
      [4, 5, 6],
    ]);
  });

  it("truncates from the start by default ('pre' keeps the last maxlen values), from the end with 'post'", () => {
    // Keras: pad_sequences(seqs, maxlen=2) == [[0, 1], [2, 3], [5, 6]]; truncating='post' → [[0, 1], [2, 3], [4, 5]]
    expect(padSequences(SEQS, { maxlen: 2 })).toEqual([
      [0, 1],
      [2, 3],
      [5, 6],
    ]);
    expect(padSequences(SEQS, { maxlen: 2, truncating: 'post' })).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
    expect(padSequences([[1, 2, 3, 4]], { maxlen: 2, padding: 'post', truncating: 'pre' })).toEqual([[3, 4]]);
  });

  it('turns an empty sequence into a row of the fill value', () => {
    expect(padSequences([[], [7]], { maxlen: 3, value: 9 })).toEqual([
      [9, 9, 9],
      [9, 9, 7],
    ]);
  });

  it("casts to int32 by default (NumPy truncates toward zero); dtype 'float32' keeps fractions", () => {
    expect(padSequences([[1.7, -2.5]], { maxlen: 3, value: 0.5 })).toEqual([[0, 1, -2]]);
    expect(padSequences([[1.7]], { maxlen: 2, value: 0.5, dtype: 'float32' })).toEqual([[0.5, 1.7]]);
  });

  it('rejects a negative or fractional maxlen and returns no rows for no sequences', () => {
    expect(() => padSequences(SEQS, { maxlen: -1 })).toThrow(/maxlen/);
    expect(() => padSequences(SEQS, { maxlen: 1.5 })).toThrow(/maxlen/);
    expect(padSequences([])).toEqual([]);
  });
});
