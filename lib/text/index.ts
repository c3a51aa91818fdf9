// Keras-compatible text utilities: the Tokenizer and padSequences the text exercises' references use.
export { KERAS_FILTERS, textToWordSequence, Tokenizer, type TokenizerOptions, type WordSplitOptions } from './tokenizer';
export { padSequences, type PadSequencesOptions } from './pad-sequences';
