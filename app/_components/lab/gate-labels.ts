// Names of the quantities the gate inspector draws, in both languages, and how each is coloured.
import { GATE_NAMES } from '@/lib/grader/messages';
import type { GruTraceRow, TraceRow } from '@/lib/lab/trace-reading';
import type { PresetTask } from '@/lib/lab/presets';

type Label = { en: string; zh: string };

const gru = (name: Label): Label => ({ en: `GRU ${name.en}`, zh: `GRU ${name.zh}` });

export const LSTM_ROW_LABELS: Record<TraceRow, Label> = {
  i: GATE_NAMES.i,
  f: GATE_NAMES.f,
  g: GATE_NAMES.g,
  o: GATE_NAMES.o,
  c: { en: 'cell state c', zh: '细胞状态 c' },
  h: { en: 'hidden state h', zh: '隐藏状态 h' },
};

export const GRU_ROW_LABELS: Record<GruTraceRow, Label> = {
  z: gru(GATE_NAMES.z),
  r: gru(GATE_NAMES.r),
  hTilde: gru(GATE_NAMES.h),
  h: { en: 'GRU hidden state h', zh: 'GRU 隐藏状态 h' },
};

/** Gates live in [0, 1]; candidates and states are signed. */
export const ROW_RANGE: Record<TraceRow | GruTraceRow, 'unit' | 'signed'> = {
  i: 'unit', f: 'unit', o: 'unit', z: 'unit', r: 'unit',
  g: 'signed', c: 'signed', h: 'signed', hTilde: 'signed',
};

export const TASK_LABELS: Record<PresetTask, Label> = {
  counting: { en: 'Counting the 1s', zh: '数 1 的个数' },
  'delayed-copy': { en: 'Delayed copy (3 steps back)', zh: '延迟复制（3 步之前）' },
  'noisy-sine': { en: 'Noisy sine, predict the next value', zh: '带噪正弦，预测下一个值' },
};

/** What the readout's number means for each task. */
export const READOUT_LABELS: Record<PresetTask, Label> = {
  counting: { en: 'count so far', zh: '当前计数' },
  'delayed-copy': { en: 'P(bit 3 steps back = 1)', zh: 'P(3 步前的位 = 1)' },
  'noisy-sine': { en: 'predicted next value', zh: '预测的下一个值' },
};
