// Keras' `pad_sequences` (keras.preprocessing.sequence / keras.utils), reproduced exactly on plain arrays.

/** Options of {@link padSequences}, named and defaulted as in Keras. */
export interface PadSequencesOptions {
  /** Row length; default: the longest sequence. */
  maxlen?: number;
  /** Where the fill goes: 'pre' (before the values, Keras' default) or 'post'. */
  padding?: 'pre' | 'post';
  /** Which end a longer sequence loses: 'pre' drops its first values (Keras' default), 'post' its last. */
  truncating?: 'pre' | 'post';
  /** The fill value (Keras: 0). */
  value?: number;
  /** 'int32' (Keras' default) truncates every value toward zero, as NumPy's cast does; 'float32' keeps it. */
  dtype?: 'int32' | 'float32';
}

/**
 * Sequences of different lengths as rows of one length, like Keras'
 * `pad_sequences(sequences, maxlen=None, dtype='int32', padding='pre', truncating='pre', value=0.0)`:
 * a sequence longer than `maxlen` keeps its last `maxlen` values ('pre') or its first ('post'); a shorter one is
 * filled with `value` before ('pre') or after ('post') it; an empty one becomes a row of `value`.
 */
export function padSequences(sequences: readonly (readonly number[])[], options: PadSequencesOptions = {}): number[][] {
  const { padding = 'pre', truncating = 'pre', value = 0, dtype = 'int32' } = options;
  const maxlen = options.maxlen ?? Math.max(0, ...sequences.map((s) => s.length));
  if (!Number.isInteger(maxlen) || maxlen < 0) throw new Error(`padSequences: maxlen must be a non-negative integer, got ${maxlen}`);
  const cast = dtype === 'int32' ? Math.trunc : (v: number) => v;
  return sequences.map((s) => {
    const kept = truncating === 'pre' ? s.slice(Math.max(0, s.length - maxlen)) : s.slice(0, maxlen);
    const fill = new Array<number>(maxlen - kept.length).fill(value);
    return (padding === 'pre' ? [...fill, ...kept] : [...kept, ...fill]).map(cast);
  });
}
