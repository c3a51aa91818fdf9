// The content catalogue: every question and exercise id, fixed up front so that links can be written
// before their target exists (architecture.md). Pure data, safe to import anywhere.

export const QUESTION_IDS = [
  '01-lstm-vs-rnn',
  '02-gates',
  '03-vanishing-gradients',
  '04-gradient-clipping',
  '05-implementing-lstm',
  '06-lstm-in-nlp',
  '07-lstm-vs-gru',
  '08-lstm-in-python',
  '09-training-problems',
  '10-generalization',
  '11-lstm-for-images',
  '12-time-series-forecasting',
  '13-speech-recognition',
  '14-training-speed',
  '15-recommender-systems',
  '16-sentiment-analysis',
  '17-lstm-vs-other-rnns',
  '18-lstm-in-keras',
  '19-machine-translation',
  '20-improving-performance',
] as const;

export const EXERCISE_IDS = [
  '01-lstm-cell-step',
  '02-lstm-forward',
  '03-lstm-bptt',
  '04-gradient-clipping',
  '05-gru-cell',
  '06-gradient-flow',
  '07-train-from-scratch',
  '08-sequence-windows-forecast',
  '09-multivariate-forecast',
  '10-session-recommendation',
  '11-text-classification',
  '12-sentiment-negation',
  '13-seq2seq-translation',
  '14-image-rows-lstm',
  '15-spoken-command-spectrogram',
  '16-action-recognition',
] as const;

export type QuestionId = (typeof QUESTION_IDS)[number];
export type ExerciseId = (typeof EXERCISE_IDS)[number];

export const TRACKS = ['from-scratch', 'build-and-train'] as const;
export type Track = (typeof TRACKS)[number];

/** The track an exercise belongs to, by its place in the catalogue (01–07 from scratch). */
export function exerciseTrack(id: ExerciseId): Track {
  return EXERCISE_IDS.indexOf(id) < 7 ? 'from-scratch' : 'build-and-train';
}

export function isQuestionId(id: string): id is QuestionId {
  return (QUESTION_IDS as readonly string[]).includes(id);
}

export function isExerciseId(id: string): id is ExerciseId {
  return (EXERCISE_IDS as readonly string[]).includes(id);
}
