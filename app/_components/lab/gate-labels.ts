// Names of the quantities the gate inspector draws, in both languages, and how each is coloured.
import type { TraceRow } from '@/lib/lab/trace-reading';
import type { GruTraceRow } from '@/lib/lab/trace-reading';
import type { PresetTask } from '@/lib/lab/presets';

type Label = { en: string; zh: string };

export const LSTM_ROW_LABELS: Record<TraceRow, Label> = {
  i: { en: 'input gate i', zh: '输入门 i' },
  f: { en: 'forget gate f', zh: '遗忘门 f' },
  g: { en: 'candidate g', zh: '候选值 g' },
  o: { en: 'output gate o', zh: '输出门 o' },
  c: { en: 'cell state c', zh: '细胞状态 c' },
  h: { en: 'hidden state h', zh: '隐藏状态 h' },
};

export const GRU_ROW_LABELS: Record<GruTraceRow, Label> = {
  z: { en: 'GRU update gate z', zh: 'GRU 更新门 z' },
  r: { en: 'GRU reset gate r', zh: 'GRU 重置门 r' },
  hTilde: { en: 'GRU candidate h̃', zh: 'GRU 候选状态 h̃' },
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
