// The lab's placement table names real catalogue ids and the widgets issue #13 asks for, and its worker messages parse as they should.
import { describe, expect, it } from 'vitest';
import { labReplySchema, labRequestSchema } from '@/app/_components/lab/lab-protocol';
import { EXERCISE_WIDGETS, LAB_WIDGETS, QUESTION_WIDGETS, WIDGET_TITLES } from '@/app/_components/lab/placement';
import { isExerciseId, isQuestionId } from '@/lib/content/catalogue';

describe('lab placement', () => {
  it('puts the widgets below the questions the issue names', () => {
    expect(QUESTION_WIDGETS).toEqual({
      '01-lstm-vs-rnn': 'gates',
      '02-gates': 'gates',
      '17-lstm-vs-other-rnns': 'gates',
      '03-vanishing-gradients': 'gradient-flow',
      '09-training-problems': 'gradient-flow',
      '04-gradient-clipping': 'clipping',
      '07-lstm-vs-gru': 'gru-vs-lstm',
    });
  });

  it('uses only catalogue ids and titles every widget in both languages', () => {
    for (const id of Object.keys(QUESTION_WIDGETS)) expect(isQuestionId(id), id).toBe(true);
    for (const id of Object.keys(EXERCISE_WIDGETS)) expect(isExerciseId(id), id).toBe(true);
    for (const w of LAB_WIDGETS) expect(WIDGET_TITLES[w].en && WIDGET_TITLES[w].zh).toBeTruthy();
  });
});

describe('lab worker messages', () => {
  it('rejects slider settings outside their ranges and sequences too long to draw', () => {
    const settings = { steps: 50, hiddenSize: 8, forgetBias: 1, recurrentScale: 1, seed: 7 };
    expect(labRequestSchema.safeParse({ type: 'gradient-flow', id: 1, settings }).success).toBe(true);
    expect(labRequestSchema.safeParse({ type: 'gradient-flow', id: 1, settings: { ...settings, hiddenSize: 500 } }).success).toBe(false);
    expect(labRequestSchema.safeParse({ type: 'trace', id: 2, task: 'counting', inputs: new Array(121).fill(1), withGru: false }).success).toBe(false);
    expect(labRequestSchema.safeParse({ type: 'trace', id: 2, task: 'sorting', inputs: [1], withGru: false }).success).toBe(false);
  });

  it("carries a learner's NaN values back (a broken draft's output is shown, not dropped)", () => {
    const values = { i: [[NaN]], f: [[0.5]], g: [[0]], o: [[1]], c: [[Infinity]], h: [[0]] };
    const reply = { type: 'learner-trace', id: 3, cellStep: { status: 'no-draft' }, forward: { status: 'ok', values } };
    expect(labReplySchema.safeParse(reply).success).toBe(true);
  });
});
