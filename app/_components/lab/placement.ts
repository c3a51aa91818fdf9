// Which lab widget appears where: below which question's answer, and which lab section each exercise links to.

/** The lab's widgets (each one lazy chunk). */
export const LAB_WIDGETS = ['gates', 'gru-vs-lstm', 'gradient-flow', 'clipping'] as const;
export type LabWidget = (typeof LAB_WIDGETS)[number];

/** Question id → the widget shown below its answer. */
export const QUESTION_WIDGETS: Record<string, LabWidget> = {
  '01-lstm-vs-rnn': 'gates',
  '02-gates': 'gates',
  '17-lstm-vs-other-rnns': 'gates',
  '03-vanishing-gradients': 'gradient-flow',
  '09-training-problems': 'gradient-flow',
  '04-gradient-clipping': 'clipping',
  '07-lstm-vs-gru': 'gru-vs-lstm',
};

/** Exercise id → the lab widget that shows what it computes (the exercise page links to /lab#<widget>). */
export const EXERCISE_WIDGETS: Record<string, LabWidget> = {
  '01-lstm-cell-step': 'gates',
  '02-lstm-forward': 'gates',
  '03-lstm-bptt': 'gradient-flow',
  '04-gradient-clipping': 'clipping',
  '05-gru-cell': 'gru-vs-lstm',
  '06-gradient-flow': 'gradient-flow',
  '07-train-from-scratch': 'clipping',
};

/** Titles of the widgets, for headings and links. */
export const WIDGET_TITLES: Record<LabWidget, { en: string; zh: string }> = {
  gates: { en: 'Gate inspector', zh: '门控检查器' },
  'gru-vs-lstm': { en: 'GRU vs LSTM gates', zh: 'GRU 与 LSTM 的门' },
  'gradient-flow': { en: 'Gradient flow through time', zh: '梯度随时间的传播' },
  clipping: { en: 'Gradient clipping on a cliff', zh: '悬崖上的梯度裁剪' },
};
