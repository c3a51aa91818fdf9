// lib/text Tokenizer against Keras' keras.preprocessing.text behaviour (outputs as Keras 2.x / tf.keras print them).
import { describe, expect, it } from 'vitest';
import { KERAS_FILTERS, textToWordSequence, Tokenizer } from '@/lib/text';

/** The sentences of TensorFlow's "Natural Language Processing" course, whose Keras outputs are widely reprinted. */
const COURSE = ['I love my dog', 'I love my cat', 'You love my dog!', 'Do you think my dog is amazing?'];

describe('textToWordSequence', () => {
  it('lower-cases, turns the default filters into spaces and drops empty words, keeping apostrophes', () => {
    // Keras: text_to_word_sequence("Isn't it\tgreat?! (Yes) -- 100%") == ["isn't", 'it', 'great', 'yes', '100']
    expect(textToWordSequence("Isn't it\tgreat?! (Yes) -- 100%")).toEqual(["isn't", 'it', 'great', 'yes', '100']);
    expect(KERAS_FILTERS).not.toContain("'");
    expect(KERAS_FILTERS).toBe('!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n');
  });

  it('honours lower, filters and split', () => {
    expect(textToWordSequence('A,B C', { lower: false })).toEqual(['A', 'B', 'C']);
    expect(textToWordSequence('a-b c', { filters: '' })).toEqual(['a-b', 'c']);
    // Keras maps each filter character to `split` and splits on it: with split ',' spaces stay inside words.
    expect(textToWordSequence('new york.paris', { split: ',' })).toEqual(['new york', 'paris']);
  });
});

describe('Tokenizer', () => {
  it('numbers words by descending count, ties in first-occurrence order, the OOV token first (Keras word_index)', () => {
    const tokenizer = new Tokenizer({ numWords: 100, oovToken: '<OOV>' });
    tokenizer.fitOnTexts(COURSE);
    // Keras prints {'<OOV>': 1, 'my': 2, 'love': 3, 'dog': 4, 'i': 5, 'you': 6, 'cat': 7, 'do': 8, 'think': 9, 'is': 10, 'amazing': 11}
    expect(Object.fromEntries(tokenizer.wordIndex)).toEqual({
      '<OOV>': 1, my: 2, love: 3, dog: 4, i: 5, you: 6, cat: 7, do: 8, think: 9, is: 10, amazing: 11,
    });
    expect([...tokenizer.wordIndex.keys()].slice(0, 4)).toEqual(['<OOV>', 'my', 'love', 'dog']);
    expect(tokenizer.indexWord.get(4)).toBe('dog');
    expect(tokenizer.documentCount).toBe(4);
    expect(tokenizer.wordDocs.get('my')).toBe(4);
    // Keras: texts_to_sequences(['i really love my dog', 'my dog loves my manatee']) == [[5, 1, 3, 2, 4], [2, 4, 1, 2, 1]]
    expect(tokenizer.textsToSequences(['i really love my dog', 'my dog loves my manatee'])).toEqual([
      [5, 1, 3, 2, 4],
      [2, 4, 1, 2, 1],
    ]);
  });

  it('without an OOV token numbers from 1 and drops unknown words', () => {
    const tokenizer = new Tokenizer();
    tokenizer.fitOnTexts(COURSE);
    expect(tokenizer.wordIndex.get('my')).toBe(1);
    expect(tokenizer.wordIndex.get('amazing')).toBe(10);
    expect(tokenizer.textsToSequences(['i really love my dog'])).toEqual([[4, 2, 1, 3]]);
  });

  it('numWords = N keeps indices < N (N − 1 words) in sequences while wordIndex keeps every word', () => {
    // Keras: Tokenizer(num_words=3) on COURSE keeps 'my' (1) and 'love' (2) only.
    const plain = new Tokenizer({ numWords: 3 });
    plain.fitOnTexts(COURSE);
    expect(plain.wordIndex.size).toBe(10);
    expect(plain.textsToSequences(['I love my dog'])).toEqual([[2, 1]]);
    // With an OOV token, the words beyond the limit become index 1 instead of disappearing.
    const withOov = new Tokenizer({ numWords: 3, oovToken: '<OOV>' });
    withOov.fitOnTexts(COURSE);
    expect(withOov.textsToSequences(['I love my dog'])).toEqual([[1, 1, 2, 1]]);
  });

  it('treats numWords 0 like no limit, as Keras\' `if num_words and …` does', () => {
    const tokenizer = new Tokenizer({ numWords: 0 });
    tokenizer.fitOnTexts(COURSE);
    expect(tokenizer.textsToSequences(['amazing'])).toEqual([[10]]);
  });

  it('accumulates counts over several fits and renumbers', () => {
    const tokenizer = new Tokenizer();
    tokenizer.fitOnTexts(['b a']);
    expect(Object.fromEntries(tokenizer.wordIndex)).toEqual({ b: 1, a: 2 });
    tokenizer.fitOnTexts(['a']);
    expect(Object.fromEntries(tokenizer.wordIndex)).toEqual({ a: 1, b: 2 });
    expect(tokenizer.wordCounts.get('a')).toBe(2);
  });

  it('gives an OOV token that is also a fitted word its later index, as Keras\' dict(zip(...)) does', () => {
    const tokenizer = new Tokenizer({ oovToken: 'unk', filters: '' });
    tokenizer.fitOnTexts(['x x unk']);
    // sorted_voc = ['unk', 'x', 'unk'] → {'unk': 3, 'x': 2}; index_word has no 1.
    expect(Object.fromEntries(tokenizer.wordIndex)).toEqual({ unk: 3, x: 2 });
    expect(tokenizer.indexWord.has(1)).toBe(false);
    expect(tokenizer.textsToSequences(['x y'])).toEqual([[2, 3]]);
  });

  it('uses a Map, so words like "constructor" and "__proto__" are ordinary words', () => {
    const tokenizer = new Tokenizer();
    tokenizer.fitOnTexts(['constructor __proto__ constructor']);
    expect(tokenizer.textsToSequences(['__proto__ constructor toString'])).toEqual([[2, 1]]);
  });
});

describe('the worked example of exercise 11', () => {
  it('numbers the, cat, sat, dog, on after the OOV token and cuts at numWords 4', () => {
    const tokenizer = new Tokenizer({ numWords: 4, oovToken: '<OOV>' });
    tokenizer.fitOnTexts(['The cat sat.', 'The dog sat on the cat!']);
    expect([...tokenizer.wordIndex]).toEqual([['<OOV>', 1], ['the', 2], ['cat', 3], ['sat', 4], ['dog', 5], ['on', 6]]);
    expect(tokenizer.textsToSequences(['the dog sat'])).toEqual([[2, 1, 1]]);
  });
});
