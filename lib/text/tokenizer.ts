// Keras' text `Tokenizer` and `text_to_word_sequence` (keras.preprocessing.text), reproduced exactly for word-level use.

/** Keras' default `filters`: punctuation, tab and newline — but not the apostrophe, so "isn't" stays one word. */
export const KERAS_FILTERS = '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n';

/** How text becomes words, named and defaulted as in Keras. */
export interface WordSplitOptions {
  /** Characters replaced by `split` before splitting. */
  filters?: string;
  /** Lower-case the text first (Keras: true). */
  lower?: boolean;
  /** The separator (Keras: ' '). */
  split?: string;
}

/** Options of {@link Tokenizer}. */
export interface TokenizerOptions extends WordSplitOptions {
  /** Keep only indices below numWords (so numWords − 1 words) when turning texts into sequences; wordIndex keeps every word. */
  numWords?: number | null;
  /** The word that stands for every unknown (or beyond-numWords) word; it takes index 1. */
  oovToken?: string | null;
}

/** Keras' `text_to_word_sequence`: lower-case, turn every filter character into `split`, split, drop empty strings. */
export function textToWordSequence(text: string, { filters = KERAS_FILTERS, lower = true, split = ' ' }: WordSplitOptions = {}): string[] {
  const lowered = lower ? text.toLowerCase() : text;
  const filterSet = new Set(filters);
  const spaced = Array.from(lowered, (ch) => (filterSet.has(ch) ? split : ch)).join('');
  return spaced.split(split).filter((w) => w.length > 0);
}

/**
 * Keras' word-level `Tokenizer`. `fitOnTexts` counts words; `wordIndex` numbers every word from 1 by descending
 * count, ties in first-occurrence order (Python's sort is stable over an insertion-ordered dict), the OOV token
 * (if any) first; index 0 is never a word (it is padding). `textsToSequences` keeps indices < numWords, maps the
 * rest and unknown words to the OOV index, or drops them when there is no OOV token.
 */
export class Tokenizer {
  readonly numWords: number | null;
  readonly oovToken: string | null;
  readonly filters: string;
  readonly lower: boolean;
  readonly split: string;
  /** Word → count over every fitted text, in first-occurrence order. */
  readonly wordCounts = new Map<string, number>();
  /** Word → number of fitted texts that contain it. */
  readonly wordDocs = new Map<string, number>();
  /** Word → index (1-based), every word fitted so far. */
  wordIndex = new Map<string, number>();
  /** Index → word. */
  indexWord = new Map<number, string>();
  documentCount = 0;

  constructor({ numWords = null, oovToken = null, filters = KERAS_FILTERS, lower = true, split = ' ' }: TokenizerOptions = {}) {
    this.numWords = numWords;
    this.oovToken = oovToken;
    this.filters = filters;
    this.lower = lower;
    this.split = split;
  }

  /** The words of one text, split as this tokenizer splits. */
  words(text: string): string[] {
    return textToWordSequence(text, { filters: this.filters, lower: this.lower, split: this.split });
  }

  /** Counts the words of `texts` (adding to earlier fits) and renumbers the vocabulary. */
  fitOnTexts(texts: readonly string[]): void {
    for (const text of texts) {
      this.documentCount++;
      const words = this.words(text);
      for (const w of words) this.wordCounts.set(w, (this.wordCounts.get(w) ?? 0) + 1);
      for (const w of new Set(words)) this.wordDocs.set(w, (this.wordDocs.get(w) ?? 0) + 1);
    }
    // Array.prototype.sort is stable, like Python's: equal counts keep first-occurrence order.
    const byCount = [...this.wordCounts].sort((a, b) => b[1] - a[1]).map(([w]) => w);
    const vocabulary = this.oovToken === null ? byCount : [this.oovToken, ...byCount];
    // Keras builds a dict from this list: an OOV token that is also a fitted word keeps its later index.
    this.wordIndex = new Map();
    vocabulary.forEach((w, i) => this.wordIndex.set(w, i + 1));
    this.indexWord = new Map([...this.wordIndex].map(([w, i]) => [i, w]));
  }

  /** Each text as word indices (Keras' `texts_to_sequences`). */
  textsToSequences(texts: readonly string[]): number[][] {
    const oovIndex = this.oovToken === null ? undefined : this.wordIndex.get(this.oovToken);
    // Keras tests `if num_words and i >= num_words`: 0 and None both mean "no limit".
    const limit = this.numWords ? this.numWords : Infinity;
    return texts.map((text) =>
      this.words(text).flatMap((w) => {
        const i = this.wordIndex.get(w);
        if (i !== undefined && i < limit) return [i];
        return this.oovToken !== null && oovIndex !== undefined ? [oovIndex] : [];
      }),
    );
  }
}
